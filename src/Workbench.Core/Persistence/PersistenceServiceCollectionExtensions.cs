using Microsoft.Extensions.Configuration;
using Workbench.Core.Hosting;
using Workbench.Core.Telemetry;

namespace Workbench.Core.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>The application database (SQLite or PostgreSQL, as configured), its failures counted.</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DatabaseOptions>(configuration, DatabaseOptions.Section);
        services.AddDbContextFactory<WorkbenchDbContext>((sp, options) =>
            DatabaseProviders.Configure(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value).AddInterceptors(DatabaseErrorCounter.Instance));
        services.AddSingleton<DatabaseProbe>();
        return services;
    }
}
