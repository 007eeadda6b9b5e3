namespace Workbench.Core.Indexing;

public static class IndexingServiceCollectionExtensions
{
    /// <summary>Reindex jobs: their store, runner and service, the start-up bootstrap and the admin's corpus overview.</summary>
    public static IServiceCollection AddIndexing(this IServiceCollection services)
    {
        services.AddSingleton<ReindexJobStore>();
        services.AddSingleton<ReindexCompletion>();
        services.AddSingleton<ReindexRunner>();
        services.AddSingleton<ReindexService>();
        services.AddSingleton<IndexBootstrap>();
        services.AddSingleton<IndexStatusFollower>();
        services.AddSingleton<CorpusOverviews>();
        return services;
    }
}
