using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Qdrant.Client;
using Workbench.Core.Ingestion;
using Workbench.Core.Retrieval;
using Workbench.TestSupport;

namespace Workbench.IntegrationTests;

/// <summary>
/// One real Qdrant and one running web app for the whole run; the app indexes the bundled corpus on
/// start, exactly as on a clinician's first run.
/// </summary>
public sealed class IntegrationFixture : IAsyncLifetime
{
    public QdrantFixture Qdrant { get; } = new();

    public WorkbenchAppFactory App { get; private set; } = null!;

    public IServiceProvider Services => App.Services;

    public async Task InitializeAsync()
    {
        await Qdrant.InitializeAsync();
        App = new WorkbenchAppFactory(Qdrant, "corpus");
        _ = App.Server;
        await App.WaitForIndexAsync(TimeSpan.FromMinutes(3));
    }

    public async Task DisposeAsync()
    {
        try
        {
            await App.DisposeAsync();
        }
        finally
        {
            await Qdrant.DisposeAsync();
        }
    }

    /// <summary>An indexer writing to a collection of the test's own, with the app's real model and chunker.</summary>
    public (PassageIndexer Indexer, QdrantPassageIndex Index) IndexerFor(string collection)
    {
        var index = new QdrantPassageIndex(Services.GetRequiredService<QdrantClient>(), Options.Create(new QdrantOptions { Collection = collection }), NullLogger<QdrantPassageIndex>.Instance);
        var indexer = new PassageIndexer(
            Services.GetRequiredService<TokenChunker>(),
            Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
            index,
            NullLogger<PassageIndexer>.Instance);
        return (indexer, index);
    }
}

[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<IntegrationFixture>
{
    public const string Name = "integration";
}
