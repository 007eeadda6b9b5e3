namespace Workbench.UnitTests.Retrieval;

/// <summary>
/// The vector store behind the passage-index seam, in memory: collections of passages with their vectors,
/// and aliases. Ranking is by plain cosine and sparse dot products (hybrid: reciprocal-rank fusion of the
/// two); how Qdrant fuses and filters is tested against a real Qdrant in the integration tests.
/// </summary>
public sealed class InMemoryVectorStore : IIndexCatalog
{
    private readonly Dictionary<string, string> aliases = [];

    internal Dictionary<string, InMemoryCollection> Collections { get; } = [];

    /// <summary>When set, every call fails with it, as the Qdrant seam does when the server is away.</summary>
    public PassageIndexException? Failure { get; set; }

    public IPassageIndex Index(string collection) => new InMemoryPassageIndex(this, collection);

    /// <summary>The collection a name stands for, through its alias; null when there is none.</summary>
    internal InMemoryCollection? Find(string name)
    {
        ThrowIfFailing();
        return Collections.GetValueOrDefault(aliases.GetValueOrDefault(name) ?? name);
    }

    internal void ThrowIfFailing()
    {
        if (Failure is { } failure)
        {
            throw failure;
        }
    }

    public Task<string?> AliasTargetAsync(string alias, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing();
        return Task.FromResult(aliases.GetValueOrDefault(alias));
    }

    public Task<bool> ExistsAsync(string collection, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing();
        return Task.FromResult(Collections.ContainsKey(collection));
    }

    public Task<IReadOnlyList<string>> ListCollectionsAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfFailing();
        return Task.FromResult<IReadOnlyList<string>>(Collections.Keys.ToList());
    }

    public Task PointAliasAsync(string alias, string collection, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing();
        aliases[alias] = collection;
        return Task.CompletedTask;
    }

    public Task DeleteCollectionAsync(string collection, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing();
        Collections.Remove(collection);
        return Task.CompletedTask;
    }
}

/// <summary>One collection: its vectors' size and its passages by point id.</summary>
internal sealed record InMemoryCollection(int Dimensions, Dictionary<Guid, InMemoryPoint> Points);

/// <summary>A stored passage with its dense vector, sparse vector and index hash.</summary>
internal sealed record InMemoryPoint(Passage Passage, float[] Dense, SparseVector Sparse, string Hash);
