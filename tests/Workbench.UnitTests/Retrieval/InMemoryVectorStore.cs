using Workbench.Core.Domain;
using Workbench.Core.Retrieval;

namespace Workbench.UnitTests.Retrieval;

/// <summary>
/// The vector store behind the passage-index seam, in memory: collections of passages with their vectors.
/// Ranking is by plain cosine and sparse dot products (hybrid: reciprocal-rank fusion of the two); how
/// Qdrant fuses and filters is tested against a real Qdrant in the integration tests.
/// </summary>
public sealed class InMemoryVectorStore
{
    internal Dictionary<string, InMemoryCollection> Collections { get; } = [];

    /// <summary>When set, every call fails with it, as the Qdrant seam does when the server is away.</summary>
    public PassageIndexException? Failure { get; set; }

    public IPassageIndex Index(string collection) => new InMemoryPassageIndex(this, collection);

    /// <summary>The collection of that name; null when there is none.</summary>
    internal InMemoryCollection? Find(string name)
    {
        if (Failure is { } failure)
        {
            throw failure;
        }

        return Collections.GetValueOrDefault(name);
    }
}

/// <summary>One collection: its vectors' size and its passages by point id.</summary>
internal sealed record InMemoryCollection(int Dimensions, Dictionary<Guid, InMemoryPoint> Points);

/// <summary>A stored passage with its dense vector, sparse vector and index hash.</summary>
internal sealed record InMemoryPoint(Passage Passage, float[] Dense, SparseVector Sparse, string Hash);
