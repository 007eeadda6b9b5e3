using Microsoft.Extensions.Configuration;
using Workbench.Core.Hosting;

namespace Workbench.Core.Backup;

public static class BackupServiceCollectionExtensions
{
    /// <summary>Backups of the database and the served index version, and their restore.</summary>
    public static IServiceCollection AddBackup(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<BackupOptions>(configuration, BackupOptions.Section);
        services.AddSingleton<BackupService>();
        services.AddSingleton<BackupJobs>();
        return services;
    }
}
