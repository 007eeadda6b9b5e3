using Qdrant.Client;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace Workbench.Core.Retrieval.Qdrant;

/// <summary>
/// The passage index in Qdrant: one point per passage with a dense vector (the embedding model) and a
/// sparse lexical vector (BM25-style weights, IDF applied by Qdrant), the source metadata and a content
/// hash as payload. Hybrid search fuses both inside one Qdrant query.
/// </summary>
public sealed class QdrantPassageIndex(QdrantClient client, IOptions<QdrantOptions> options, ILogger<QdrantPassageIndex> logger) : IPassageIndex
{
    public const string DenseVector = "dense";
    public const string SparseVectorName = "sparse";

    public string Collection => options.Value.Collection;

    public IPassageIndex For(string collection) =>
        new QdrantPassageIndex(client, Options.Create(new QdrantOptions { Collection = collection, ShardNumber = options.Value.ShardNumber, ReplicationFactor = options.Value.ReplicationFactor }), logger);

    public async Task<bool> IsCompatibleAsync(int dimensions, CancellationToken cancellationToken = default)
    {
        if (!await client.CollectionExistsAsync(Collection, cancellationToken))
        {
            return false;
        }

        var info = await client.GetCollectionInfoAsync(Collection, cancellationToken);
        return info.Config.Params.SparseVectorsConfig?.Map.ContainsKey(SparseVectorName) == true
            && info.Config.Params.VectorsConfig?.ParamsMap?.Map.TryGetValue(DenseVector, out var dense) == true
            && dense.Size == (ulong)dimensions;
    }

    public async Task EnsureCollectionAsync(int dimensions, CancellationToken cancellationToken = default)
    {
        if (await client.CollectionExistsAsync(Collection, cancellationToken))
        {
            var info = await client.GetCollectionInfoAsync(Collection, cancellationToken);
            if (info.Config.Params.SparseVectorsConfig?.Map.ContainsKey(SparseVectorName) == true)
            {
                return;
            }

            // Built before sparse vectors existed: everything in it is derived from the corpus, so rebuild.
            logger.LogWarning("Collection {Collection} has no sparse vectors; recreating it", Collection);
            await client.DeleteCollectionAsync(Collection, cancellationToken: cancellationToken);
        }

        var vectors = new VectorParamsMap();
        vectors.Map[DenseVector] = new VectorParams { Size = (ulong)dimensions, Distance = Distance.Cosine };
        var sparse = new SparseVectorConfig();
        sparse.Map[SparseVectorName] = new SparseVectorParams { Modifier = Modifier.Idf };
        await client.CreateCollectionAsync(Collection, vectors, shardNumber: (uint)options.Value.ShardNumber, replicationFactor: (uint)options.Value.ReplicationFactor,
            sparseVectorsConfig: sparse, cancellationToken: cancellationToken);
        foreach (var keyword in new[] { "doc_id", "type", "specialty" })
        {
            await client.CreatePayloadIndexAsync(Collection, keyword, PayloadSchemaType.Keyword, cancellationToken: cancellationToken);
        }

        await client.CreatePayloadIndexAsync(Collection, "year", PayloadSchemaType.Integer, cancellationToken: cancellationToken);
    }

    /// <summary>Passages in the collection (through its alias when it is one); 0 when there is none.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        await client.CollectionExistsAsync(Collection, cancellationToken)
            ? (long)await client.CountAsync(Collection, exact: true, cancellationToken: cancellationToken)
            : 0;

    public async Task<IReadOnlyDictionary<string, long>> CountDocumentsByAsync(string field, CancellationToken cancellationToken = default)
    {
        var hits = await client.FacetAsync(Collection, field, Match("chunk_index", 0), limit: 1000, exact: true, cancellationToken: cancellationToken);
        var counts = new Dictionary<string, long>();
        foreach (var hit in hits.Hits)
        {
            counts[hit.Value.StringValue] = (long)hit.Count;
        }

        return counts;
    }

    public async Task DeleteDocumentsExceptAsync(IReadOnlyCollection<string> keep, CancellationToken cancellationToken = default)
    {
        await client.DeleteAsync(Collection, MatchExcept("doc_id", keep.ToList()), wait: true, cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(IReadOnlyList<Passage> passages, CancellationToken cancellationToken = default)
    {
        if (passages.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        var ids = passages.Select(p => new PointId { Uuid = StoredPassages.PointGuid(p.Id).ToString() }).ToList();
        var payload = new WithPayloadSelector { Include = new PayloadIncludeSelector { Fields = { "passage_id", "content_hash" } } };
        var points = await client.RetrieveAsync(Collection, ids, payload, new WithVectorsSelector { Enable = false }, cancellationToken: cancellationToken);
        return points.ToDictionary(p => p.Payload["passage_id"].StringValue, p => p.Payload["content_hash"].StringValue);
    }

    public async Task<IReadOnlyDictionary<string, ReadOnlyMemory<float>>> GetReusableVectorsAsync(IReadOnlyList<Passage> passages, CancellationToken cancellationToken = default)
    {
        if (passages.Count == 0 || !await client.CollectionExistsAsync(Collection, cancellationToken))
        {
            return new Dictionary<string, ReadOnlyMemory<float>>();
        }

        var ids = passages.Select(p => new PointId { Uuid = StoredPassages.PointGuid(p.Id).ToString() }).ToList();
        var payload = new WithPayloadSelector { Include = new PayloadIncludeSelector { Fields = { "passage_id", "content_hash" } } };
        var vectors = new WithVectorsSelector { Include = new VectorsSelector { Names = { DenseVector } } };
        var points = await client.RetrieveAsync(Collection, ids, payload, vectors, cancellationToken: cancellationToken);
        var byId = passages.ToDictionary(p => p.Id);
        var reusable = new Dictionary<string, ReadOnlyMemory<float>>();
        foreach (var point in points)
        {
            var id = point.Payload["passage_id"].StringValue;
            if (byId.TryGetValue(id, out var passage) && StoredPassages.SameContent(point.Payload["content_hash"].StringValue, passage)
                && point.Vectors?.Vectors?.Vectors.TryGetValue(DenseVector, out var stored) == true && stored.GetDenseVector() is { } dense)
            {
                reusable[id] = dense.Data.ToArray();
            }
        }

        return reusable;
    }

    public async Task<bool> IsCurrentAsync(CancellationToken cancellationToken = default)
    {
        var sample = await client.ScrollAsync(Collection, limit: 1,
            payloadSelector: new WithPayloadSelector { Include = new PayloadIncludeSelector { Fields = { "content_hash" } } }, cancellationToken: cancellationToken);
        return sample.Result.Count == 0
            || (sample.Result[0].Payload.TryGetValue("content_hash", out var hash) && StoredPassages.IsCurrent(hash.StringValue));
    }

    public async Task UpsertAsync(IReadOnlyList<(Passage Passage, ReadOnlyMemory<float> Vector)> items, CancellationToken cancellationToken = default)
    {
        if (items.Count == 0)
        {
            return;
        }

        var points = items.Select(item => QdrantPoints.ToPoint(item.Passage, item.Vector)).ToList();
        await client.UpsertAsync(Collection, points, wait: true, cancellationToken: cancellationToken);
    }

    public async Task DeleteStalePassagesAsync(IReadOnlyList<(string DocumentId, int PassageCount)> documents, CancellationToken cancellationToken = default)
    {
        if (documents.Count == 0)
        {
            return;
        }

        var filter = new Filter();
        foreach (var (documentId, passageCount) in documents)
        {
            filter.Should.Add(new Condition { Filter = MatchKeyword("doc_id", documentId) & Range("chunk_index", new global::Qdrant.Client.Grpc.Range { Gte = passageCount }) });
        }

        await client.DeleteAsync(Collection, filter, wait: true, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// In one Qdrant call. The cosine comes from Qdrant rather than from the stored vectors, which cost
    /// more to transfer than anything else in the answer.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> FindAsync(PassageQuery query, CancellationToken cancellationToken = default)
    {
        if (query.Kind == RetrieverKind.Sparse && query.Sparse.Indices.Length == 0)
        {
            return [];
        }

        var dense = query.Dense.ToArray();
        var ranking = QdrantQueries.Ranking(query, dense);
        var ranked = new QueryPoints
        {
            CollectionName = Collection,
            Query = ranking.Query,
            Filter = ranking.Filter,
            Limit = ranking.Limit,
            WithPayload = new WithPayloadSelector { Enable = false },
            WithVectors = query.WithTermIds
                ? new WithVectorsSelector { Include = new VectorsSelector { Names = { SparseVectorName } } }
                : new WithVectorsSelector { Enable = false },
        };
        ranked.Prefetch.AddRange(ranking.Prefetch);
        if (ranking.HasUsing)
        {
            ranked.Using = ranking.Using;
        }

        if (query.Kind == RetrieverKind.Dense && query.Evidence is null)
        {
            var points = (await client.QueryBatchAsync(Collection, [ranked], cancellationToken: cancellationToken))[0].Result;
            return points.Select(p => Hit(p, p.Score)).ToList();
        }

        // The same ranking again as a prefetch, re-scored by the question's dense vector: the cosine of each of its passages.
        var rescored = new QueryPoints { CollectionName = Collection, Query = (query.Evidence ?? query.Dense).ToArray(), Using = DenseVector, Filter = ranking.Filter, Limit = ranking.Limit };
        rescored.Prefetch.Add(ranking);
        var results = await client.QueryBatchAsync(Collection, [ranked, rescored], cancellationToken: cancellationToken);
        var cosines = results[1].Result.ToDictionary(p => p.Id.Uuid, p => (double)p.Score);
        return results[0].Result.Select(p => Hit(p, cosines.GetValueOrDefault(p.Id.Uuid))).ToList();
    }

    public async Task<IReadOnlyList<float[]>> NearestDenseVectorsAsync(ReadOnlyMemory<float> dense, int count, SearchFilters filters, CancellationToken cancellationToken = default)
    {
        var request = new QueryPoints
        {
            CollectionName = Collection,
            Query = dense.ToArray(),
            Using = DenseVector,
            Limit = (ulong)count,
            WithPayload = new WithPayloadSelector { Enable = false },
            WithVectors = new WithVectorsSelector { Include = new VectorsSelector { Names = { DenseVector } } },
        };
        if (QdrantQueries.ToFilter(filters) is { } filter)
        {
            request.Filter = filter;
        }

        var points = (await client.QueryBatchAsync(Collection, [request], cancellationToken: cancellationToken))[0].Result;
        return points
            .Select(p => p.Vectors?.Vectors?.Vectors.TryGetValue(DenseVector, out var stored) == true ? stored.GetDenseVector()?.Data.ToArray() : null)
            .OfType<float[]>()
            .ToList();
    }

    public async Task<IReadOnlyList<RetrievedPassage>> LoadAsync(IReadOnlyList<SearchHit> hits, CancellationToken cancellationToken = default)
    {
        if (hits.Count == 0)
        {
            return [];
        }

        var ids = hits.Select(h => new PointId { Uuid = h.PointId.ToString() }).ToList();
        var points = await client.RetrieveAsync(Collection, ids, new WithPayloadSelector { Enable = true }, new WithVectorsSelector { Enable = false },
            cancellationToken: cancellationToken);
        var passages = points.ToDictionary(p => Guid.Parse(p.Id.Uuid), p => QdrantPoints.FromPayload(p.Payload));
        return hits.Where(h => passages.ContainsKey(h.PointId)).Select(h => new RetrievedPassage(passages[h.PointId], h.Score, h.RankScore)).ToList();
    }

    private static SearchHit Hit(ScoredPoint point, double cosine) =>
        new(Guid.Parse(point.Id.Uuid), cosine, point.Score,
            point.Vectors?.Vectors?.Vectors.TryGetValue(SparseVectorName, out var stored) == true && stored.GetSparseVector() is { } sparse
                ? sparse.Indices.ToHashSet()
                : null);
}
