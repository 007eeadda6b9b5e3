using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Workbench.Core.Answering;
using Workbench.Core.Backup;
using Workbench.Core.Deidentification;
using Workbench.Core.Embeddings;
using Workbench.Core.Evaluation;
using Workbench.Core.Indexing;
using Workbench.Core.Ingestion;
using Workbench.Core.Persistence;
using Workbench.Core.Retrieval;
using Workbench.Core.Security;

namespace Workbench.Core.Hosting;

public static class WorkbenchCoreServiceCollectionExtensions
{
    /// <summary>Every feature of the core, one line each; each feature registers its own services in its folder.</summary>
    public static IServiceCollection AddWorkbenchCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        return services
            .AddPersistence(configuration)
            .AddAuditAndTokens()
            .AddEmbeddings(configuration)
            .AddRetrieval(configuration)
            .AddDeidentification(configuration)
            .AddIngestion(configuration)
            .AddIndexing()
            .AddAnswering(configuration)
            .AddEvaluation(configuration)
            .AddBackup(configuration);
    }

    /// <summary>The local Qdrant process (when enabled), reindex jobs (first-run indexing included) and campaign generation.</summary>
    public static IServiceCollection AddWorkbenchHostedServices(this IServiceCollection services, IConfiguration configuration)
    {
        // Registered first so Qdrant is up before anything that needs it starts.
        services.AddSingleton<EmbeddedQdrantService>();
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedQdrantService>());
        services.AddValidatedOptions<ScaleOutOptions>(configuration, ScaleOutOptions.Section);
        services.AddSingleton<BackgroundLeadership>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundLeadership>());
        services.AddHostedService<ReindexHostedService>();
        services.AddHostedService<CampaignGenerationService>();
        return services;
    }

    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class =>
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();

    /// <summary>Creates the database file's folder (SQLite) and applies pending migrations.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var folder = DatabaseProviders.LocalFolder(services.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging (kept in the file): readers never wait for a writer, and each commit costs less.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
