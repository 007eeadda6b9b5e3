using Microsoft.Extensions.Configuration;
using Workbench.Core.Hosting;

namespace Workbench.Core.Deidentification;

public static class DeidentificationServiceCollectionExtensions
{
    /// <summary>The de-identification settings admins change (the allow-list) on top of the fixed rules.</summary>
    public static IServiceCollection AddDeidentification(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DeidentificationOptions>(configuration, DeidentificationOptions.Section);
        services.AddSingleton<DeidentificationSettings>();
        return services;
    }
}
