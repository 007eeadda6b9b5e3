using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Workbench.Core.Ingestion;
using Workbench.Core.Retrieval;

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

    /// <summary>API clients signed in (by API token) as a user of each role, and as the raters the campaign tests use.</summary>
    public HttpClient Clinician { get; private set; } = null!;

    public HttpClient Evaluator { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    private readonly Dictionary<string, HttpClient> raters = [];

    /// <summary>An evaluator named <paramref name="name"/> (ana, ben, cai, mallory), who scores campaigns under that name.</summary>
    public HttpClient Rater(string name) => raters[name];

    public async Task InitializeAsync()
    {
        await Qdrant.InitializeAsync();
        App = new WorkbenchAppFactory(Qdrant, "corpus");
        _ = App.Server;
        Clinician = await App.ClientAsync(Roles.Clinician);
        Evaluator = await App.ClientAsync(Roles.Evaluator);
        Admin = await App.ClientAsync(Roles.Admin);
        foreach (var name in new[] { "ana", "ben", "cai", "mallory" })
        {
            raters[name] = await App.ClientAsync(name, Roles.Evaluator);
        }

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
    public (PassageIndexer Indexer, IPassageIndex Index) IndexerFor(string collection)
    {
        var index = Services.GetRequiredService<IPassageIndex>().For(collection);
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
