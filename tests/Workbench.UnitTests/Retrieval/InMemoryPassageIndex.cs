namespace Workbench.UnitTests.Retrieval;

/// <summary>The passage index on one collection (or alias) of an <see cref="InMemoryVectorStore"/>.</summary>
public sealed class InMemoryPassageIndex(InMemoryVectorStore store, string collection) : IPassageIndex
{
    /// <summary>Qdrant's default reciprocal-rank constant.</summary>
    private const int RrfK = 2;

    public string Collection => collection;

    public IPassageIndex For(string other) => new InMemoryPassageIndex(store, other);

    public Task<bool> IsCompatibleAsync(int dimensions, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Find(collection)?.Dimensions == dimensions);

    public Task EnsureCollectionAsync(int dimensions, CancellationToken cancellationToken = default)
    {
        if (store.Find(collection)?.Dimensions != dimensions)
        {
            store.Collections[collection] = new InMemoryCollection(dimensions, []);
        }

        return Task.CompletedTask;
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default) => Task.FromResult((long)(store.Find(collection)?.Points.Count ?? 0));

    public Task<IReadOnlyDictionary<string, long>> CountDocumentsByAsync(string field, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, long>>(Points.Where(p => p.Passage.ChunkIndex == 0)
            .GroupBy(p => field == "type" ? p.Passage.Source.Type.ToKeyword() : p.Passage.Source.Specialty)
            .ToDictionary(g => g.Key, g => (long)g.Count()));

    public Task DeleteDocumentsExceptAsync(IReadOnlyCollection<string> keep, CancellationToken cancellationToken = default) =>
        RemoveWhere(p => !keep.Contains(p.Passage.DocumentId));

    public Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(IReadOnlyList<Passage> passages, CancellationToken cancellationToken = default)
    {
        // As the Qdrant client does: a cancelled call fails rather than answering, which is how a reindex learns it was cancelled.
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyDictionary<string, string>>(Stored(passages).ToDictionary(p => p.Passage.Id, p => p.Hash));
    }

    public Task<IReadOnlyDictionary<string, ReadOnlyMemory<float>>> GetReusableVectorsAsync(IReadOnlyList<Passage> passages, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, ReadOnlyMemory<float>>>(Stored(passages)
            .Where(p => StoredPassages.SameContent(p.Hash, passages.First(q => q.Id == p.Passage.Id)))
            .ToDictionary(p => p.Passage.Id, p => (ReadOnlyMemory<float>)p.Dense));

    public Task<bool> IsCurrentAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Points.FirstOrDefault() is not { } sample || StoredPassages.IsCurrent(sample.Hash));

    public Task UpsertAsync(IReadOnlyList<(Passage Passage, ReadOnlyMemory<float> Vector)> items, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var points = Existing().Points;
        foreach (var (passage, vector) in items)
        {
            points[StoredPassages.PointGuid(passage.Id)] = new InMemoryPoint(
                passage, vector.ToArray(), SparseEncoder.EncodeDocument(passage.EmbeddingText), StoredPassages.IndexHash(passage));
        }

        return Task.CompletedTask;
    }

    public Task DeleteStalePassagesAsync(IReadOnlyList<(string DocumentId, int PassageCount)> documents, CancellationToken cancellationToken = default) =>
        RemoveWhere(p => documents.Any(d => d.DocumentId == p.Passage.DocumentId && p.Passage.ChunkIndex >= d.PassageCount));

    public Task<IReadOnlyList<SearchHit>> FindAsync(PassageQuery query, CancellationToken cancellationToken = default)
    {
        var candidates = Existing().Points.Values.Where(p => Matches(p.Passage, query.Filters)).ToList();
        var dense = candidates.OrderByDescending(p => Cosine(query.Dense.Span, p.Dense)).ToList();
        var sparse = candidates.Where(p => Dot(query.Sparse, p.Sparse) > 0).OrderByDescending(p => Dot(query.Sparse, p.Sparse)).ToList();
        var ranked = query.Kind switch
        {
            RetrieverKind.Dense => dense.Select(p => (Point: p, Rank: Cosine(query.Dense.Span, p.Dense))),
            RetrieverKind.Sparse => sparse.Select(p => (Point: p, Rank: Dot(query.Sparse, p.Sparse))),
            _ => candidates.Select(p => (Point: p, Rank: Reciprocal(dense, p) + Reciprocal(sparse, p))).OrderByDescending(x => x.Rank),
        };
        var evidence = query.Evidence ?? query.Dense;
        return Task.FromResult<IReadOnlyList<SearchHit>>(ranked.Take(query.TopK)
            .Select(x => new SearchHit(StoredPassages.PointGuid(x.Point.Passage.Id), Cosine(evidence.Span, x.Point.Dense), x.Rank,
                query.WithTermIds ? x.Point.Sparse.Indices.ToHashSet() : null))
            .ToList());
    }

    public Task<IReadOnlyList<float[]>> NearestDenseVectorsAsync(ReadOnlyMemory<float> dense, int count, SearchFilters filters, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<float[]>>(Existing().Points.Values.Where(p => Matches(p.Passage, filters))
            .OrderByDescending(p => Cosine(dense.Span, p.Dense)).Take(count).Select(p => p.Dense).ToList());

    public Task<IReadOnlyList<RetrievedPassage>> LoadAsync(IReadOnlyList<SearchHit> hits, CancellationToken cancellationToken = default)
    {
        var points = store.Find(collection)?.Points ?? [];
        return Task.FromResult<IReadOnlyList<RetrievedPassage>>(hits.Where(h => points.ContainsKey(h.PointId))
            .Select(h => new RetrievedPassage(points[h.PointId].Passage, h.Score, h.RankScore)).ToList());
    }

    private IEnumerable<InMemoryPoint> Points => store.Find(collection)?.Points.Values ?? Enumerable.Empty<InMemoryPoint>();

    /// <summary>The collection, or the store's not-found error, as Qdrant answers a search of a collection that does not exist.</summary>
    private InMemoryCollection Existing() =>
        store.Find(collection) ?? throw new PassageIndexNotFoundException($"There is no collection {collection}.");

    private IEnumerable<InMemoryPoint> Stored(IReadOnlyList<Passage> passages) =>
        passages.Select(p => store.Find(collection)?.Points.GetValueOrDefault(StoredPassages.PointGuid(p.Id))).OfType<InMemoryPoint>();

    private Task RemoveWhere(Func<InMemoryPoint, bool> remove)
    {
        var points = Existing().Points;
        foreach (var id in points.Where(p => remove(p.Value)).Select(p => p.Key).ToList())
        {
            points.Remove(id);
        }

        return Task.CompletedTask;
    }

    private static bool Matches(Passage passage, SearchFilters filters) =>
        (filters.Type is not { } type || passage.Source.Type == type)
        && (string.IsNullOrWhiteSpace(filters.Specialty) || string.Equals(passage.Source.Specialty, filters.Specialty.Trim(), StringComparison.OrdinalIgnoreCase))
        && (filters.YearFrom is not { } from || passage.Source.Year >= from)
        && (filters.YearTo is not { } to || passage.Source.Year <= to)
        && !(filters.ExcludedDocuments ?? []).Contains(passage.DocumentId);

    private static double Reciprocal(List<InMemoryPoint> ranking, InMemoryPoint point) =>
        ranking.IndexOf(point) is var rank and >= 0 ? 1.0 / (RrfK + rank + 1) : 0;

    private static double Cosine(ReadOnlySpan<float> a, float[] b)
    {
        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            (dot, normA, normB) = (dot + (a[i] * b[i]), normA + (a[i] * a[i]), normB + (b[i] * b[i]));
        }

        return normA == 0 || normB == 0 ? 0 : dot / Math.Sqrt(normA * normB);
    }

    private static double Dot(SparseVector query, SparseVector document)
    {
        var weights = document.Indices.Zip(document.Values).ToDictionary(x => x.First, x => (double)x.Second);
        return query.Indices.Zip(query.Values).Sum(x => weights.GetValueOrDefault(x.First) * x.Second);
    }
}
