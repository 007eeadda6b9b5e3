using Google.Protobuf.Collections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using Workbench.Core.Domain;
using static Qdrant.Client.Grpc.Conditions;

namespace Workbench.Core.Retrieval;

/// <summary>How passages are found: by meaning, by words, or both fused.</summary>
public enum RetrieverKind
{
    Dense,
    Sparse,
    Hybrid,
}

public enum FusionKind
{
    /// <summary>Reciprocal-rank fusion: sums weight / (k + rank) over the retrievers.</summary>
    Rrf,

    /// <summary>Distribution-based score fusion: normalises each retriever's scores, then sums them.</summary>
    Dbsf,

    /// <summary>
    /// Linear: the dense cosine similarity plus a small weight times the BM25 score, by a Qdrant formula
    /// over the two prefetches. Meaning ranks; matching words break the near-ties between passages.
    /// </summary>
    Linear,
}

/// <summary>How hybrid search combines the dense and sparse rankings.</summary>
public sealed record FusionSettings(FusionKind Kind = FusionKind.Rrf, int? RrfK = null, double DenseWeight = 1, double SparseWeight = 0.005)
{
    public override string ToString() => Kind switch
    {
        FusionKind.Dbsf => "dbsf",
        FusionKind.Linear => $"linear(sparse×{SparseWeight:0.####})",
        _ => $"rrf{(RrfK is { } k ? $"(k={k})" : string.Empty)}{(DenseWeight == 1 ? string.Empty : $" dense×{DenseWeight:0.##}")}",
    };
}

/// <summary>What to search for: the query's dense and sparse vectors, how, how many, and which passages qualify.</summary>
public sealed record PassageQuery(ReadOnlyMemory<float> Dense, SparseVector Sparse, RetrieverKind Kind, int TopK, SearchFilters Filters, FusionSettings? Fusion = null);

/// <summary>
/// The passage index in Qdrant: one point per passage with a dense vector (the embedding model) and a
/// sparse lexical vector (BM25-style weights, IDF applied by Qdrant), the source metadata and a content
/// hash as payload. Hybrid search fuses both with reciprocal-rank fusion inside one Qdrant query.
/// All Qdrant calls of the product go through here.
/// </summary>
public sealed class QdrantPassageIndex(QdrantClient client, IOptions<QdrantOptions> options, ILogger<QdrantPassageIndex> logger)
{
    public const string DenseVector = "dense";
    public const string SparseVectorName = "sparse";

    /// <summary>Each fused list draws this many times the requested passages from each retriever.</summary>
    private const int PrefetchFactor = 4;

    public string Collection => options.Value.Collection;

    /// <summary>The same index on another collection (a version being built, or an evaluation's own).</summary>
    public QdrantPassageIndex For(string collection) =>
        new(client, Options.Create(new QdrantOptions { Collection = collection, ShardNumber = options.Value.ShardNumber, ReplicationFactor = options.Value.ReplicationFactor }), logger);

    /// <summary>Whether the collection (or alias) exists with this schema: named dense vectors of the model's size and the sparse vectors.</summary>
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

    /// <summary>Per value of a keyword field, how many documents have it (counting each document's first passage).</summary>
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

    /// <summary>Deletes the passages of documents that are no longer in the corpus.</summary>
    public async Task DeleteDocumentsExceptAsync(IReadOnlyCollection<string> keep, CancellationToken cancellationToken = default)
    {
        await client.DeleteAsync(Collection, MatchExcept("doc_id", keep.ToList()), wait: true, cancellationToken: cancellationToken);
    }

    /// <summary>The stored content hash of each of the given passages that is already indexed.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(IReadOnlyList<Passage> passages, CancellationToken cancellationToken = default)
    {
        if (passages.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        var ids = passages.Select(p => new PointId { Uuid = PointGuid(p.Id).ToString() }).ToList();
        var payload = new WithPayloadSelector { Include = new PayloadIncludeSelector { Fields = { "passage_id", "content_hash" } } };
        var points = await client.RetrieveAsync(Collection, ids, payload, new WithVectorsSelector { Enable = false }, cancellationToken: cancellationToken);
        return points.ToDictionary(p => p.Payload["passage_id"].StringValue, p => p.Payload["content_hash"].StringValue);
    }

    /// <summary>The dense vectors stored for those of the passages whose stored content hash is still theirs.</summary>
    public async Task<IReadOnlyDictionary<string, ReadOnlyMemory<float>>> GetReusableVectorsAsync(IReadOnlyList<Passage> passages, CancellationToken cancellationToken = default)
    {
        if (passages.Count == 0 || !await client.CollectionExistsAsync(Collection, cancellationToken))
        {
            return new Dictionary<string, ReadOnlyMemory<float>>();
        }

        var ids = passages.Select(p => new PointId { Uuid = PointGuid(p.Id).ToString() }).ToList();
        var payload = new WithPayloadSelector { Include = new PayloadIncludeSelector { Fields = { "passage_id", "content_hash" } } };
        var vectors = new WithVectorsSelector { Include = new VectorsSelector { Names = { DenseVector } } };
        var points = await client.RetrieveAsync(Collection, ids, payload, vectors, cancellationToken: cancellationToken);
        var hashes = passages.ToDictionary(p => p.Id, IndexHash);
        var reusable = new Dictionary<string, ReadOnlyMemory<float>>();
        foreach (var point in points)
        {
            var id = point.Payload["passage_id"].StringValue;
            if (hashes.TryGetValue(id, out var hash) && point.Payload["content_hash"].StringValue == hash
                && point.Vectors?.Vectors?.Vectors.TryGetValue(DenseVector, out var stored) == true && stored.GetDenseVector() is { } dense)
            {
                reusable[id] = dense.Data.ToArray();
            }
        }

        return reusable;
    }

    /// <summary>The hash stored with a passage: its content and the sparse encoding's version.</summary>
    public static string IndexHash(Passage passage) => $"{passage.ContentHash}:sparse-v{SparseEncoder.Version}";

    public async Task UpsertAsync(IReadOnlyList<(Passage Passage, ReadOnlyMemory<float> Vector)> items, CancellationToken cancellationToken = default)
    {
        if (items.Count == 0)
        {
            return;
        }

        var points = items.Select(item => ToPoint(item.Passage, item.Vector)).ToList();
        await client.UpsertAsync(Collection, points, wait: true, cancellationToken: cancellationToken);
    }

    /// <summary>Removes passages that new versions of the documents no longer have (they got shorter), in one call.</summary>
    public async Task DeleteStalePassagesAsync(IReadOnlyList<(string DocumentId, int PassageCount)> documents, CancellationToken cancellationToken = default)
    {
        if (documents.Count == 0)
        {
            return;
        }

        var filter = new Filter();
        foreach (var (documentId, passageCount) in documents)
        {
            filter.Should.Add(new Condition { Filter = MatchKeyword("doc_id", documentId) & Range("chunk_index", new Qdrant.Client.Grpc.Range { Gte = passageCount }) });
        }

        await client.DeleteAsync(Collection, filter, wait: true, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Passages ranked by the chosen retriever. Every result also carries its dense cosine similarity to
    /// the query, whatever ranked it: fused scores are ranks, not evidence, and abstention needs evidence.
    /// </summary>
    public async Task<IReadOnlyList<RetrievedPassage>> SearchAsync(PassageQuery query, CancellationToken cancellationToken = default)
    {
        var filter = ToFilter(query.Filters);
        var dense = query.Dense.ToArray();
        var sparse = (query.Sparse.Values, query.Sparse.Indices);
        var limit = (ulong)query.TopK;
        var withDense = new WithVectorsSelector { Include = new VectorsSelector { Names = { DenseVector } } };
        IReadOnlyList<ScoredPoint> points = query.Kind switch
        {
            RetrieverKind.Dense => await client.QueryAsync(Collection, query: dense, usingVector: DenseVector, filter: filter,
                limit: limit, payloadSelector: true, vectorsSelector: withDense, cancellationToken: cancellationToken),
            RetrieverKind.Sparse when query.Sparse.Indices.Length == 0 => [],
            RetrieverKind.Sparse => await client.QueryAsync(Collection, query: sparse, usingVector: SparseVectorName, filter: filter,
                limit: limit, payloadSelector: true, vectorsSelector: withDense, cancellationToken: cancellationToken),
            RetrieverKind.Hybrid => await client.QueryAsync(Collection, query: FusionQuery(query), prefetch: Prefetch(query, dense, filter), filter: filter,
                limit: limit, payloadSelector: true, vectorsSelector: withDense, cancellationToken: cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Kind, null),
        };
        return points.Select(p => new RetrievedPassage(FromPayload(p.Payload), Cosine(dense, p), p.Score)).ToList();
    }

    private static Query FusionQuery(PassageQuery query)
    {
        var fusion = query.Fusion ?? new FusionSettings();
        if (fusion.Kind == FusionKind.Dbsf)
        {
            return Fusion.Dbsf;
        }

        if (fusion.Kind == FusionKind.Linear)
        {
            // $score[0] is the dense prefetch's cosine, $score[1] the sparse prefetch's BM25 score; a passage one of them did not return scores 0 there.
            var sparse = new Expression { Mult = new MultExpression { Mult = { new Expression { Constant = (float)fusion.SparseWeight }, new Expression { Variable = "$score[1]" } } } };
            var formula = new Formula { Expression = new Expression { Sum = new SumExpression { Sum = { new Expression { Variable = "$score[0]" }, sparse } } } };
            formula.Defaults["$score[0]"] = 0d;
            formula.Defaults["$score[1]"] = 0d;
            return formula;
        }

        if (fusion.RrfK is null && fusion.DenseWeight == 1)
        {
            return Fusion.Rrf;
        }

        var rrf = new Rrf();
        if (fusion.RrfK is { } k)
        {
            rrf.K = (uint)k;
        }

        if (fusion.DenseWeight != 1 && query.Sparse.Indices.Length > 0)
        {
            rrf.Weights.Add((float)fusion.DenseWeight);
            rrf.Weights.Add(1f);
        }

        return rrf;
    }

    private static List<PrefetchQuery> Prefetch(PassageQuery query, float[] dense, Filter? filter)
    {
        var limit = (ulong)(query.TopK * PrefetchFactor);
        var prefetch = new List<PrefetchQuery> { new() { Query = dense, Using = DenseVector, Limit = limit } };
        if (query.Sparse.Indices.Length > 0)
        {
            prefetch.Add(new PrefetchQuery { Query = (query.Sparse.Values, query.Sparse.Indices), Using = SparseVectorName, Limit = limit });
        }

        if (filter is not null)
        {
            prefetch.ForEach(p => p.Filter = filter);
        }

        return prefetch;
    }

    /// <summary>Both vectors are L2-normalised, so the dot product is the cosine similarity.</summary>
    private static double Cosine(float[] query, ScoredPoint point)
    {
        if (point.Vectors?.Vectors?.Vectors.TryGetValue(DenseVector, out var stored) != true || stored.GetDenseVector() is not { } denseVector)
        {
            return 0;
        }

        var values = denseVector.Data;
        double dot = 0;
        for (var i = 0; i < Math.Min(values.Count, query.Length); i++)
        {
            dot += values[i] * query[i];
        }

        return dot;
    }

    public static Guid PointGuid(string passageId) => Hashing.StableGuid(passageId);

    private static Filter? ToFilter(SearchFilters filters)
    {
        var conditions = new List<Condition>();
        if (filters.Type is { } type)
        {
            conditions.Add(MatchKeyword("type", type.ToKeyword()));
        }

        if (!string.IsNullOrWhiteSpace(filters.Specialty))
        {
            conditions.Add(MatchKeyword("specialty", filters.Specialty.Trim().ToLowerInvariant()));
        }

        if (filters.YearFrom is not null || filters.YearTo is not null)
        {
            var range = new Qdrant.Client.Grpc.Range();
            if (filters.YearFrom is { } from)
            {
                range.Gte = from;
            }

            if (filters.YearTo is { } to)
            {
                range.Lte = to;
            }

            conditions.Add(Range("year", range));
        }

        if (conditions.Count == 0)
        {
            return null;
        }

        var filter = new Filter();
        filter.Must.AddRange(conditions);
        return filter;
    }

    private static PointStruct ToPoint(Passage passage, ReadOnlyMemory<float> vector)
    {
        var sparse = SparseEncoder.EncodeDocument(passage.EmbeddingText);
        var point = new PointStruct
        {
            Id = new PointId { Uuid = PointGuid(passage.Id).ToString() },
            Vectors = new Dictionary<string, Vector>
            {
                [DenseVector] = vector.ToArray(),
                [SparseVectorName] = (sparse.Values, sparse.Indices),
            },
        };
        var source = passage.Source;
        point.Payload["passage_id"] = passage.Id;
        point.Payload["doc_id"] = passage.DocumentId;
        point.Payload["chunk_index"] = passage.ChunkIndex;
        point.Payload["heading"] = passage.Heading;
        point.Payload["text"] = passage.Text;
        point.Payload["content_hash"] = IndexHash(passage);
        point.Payload["title"] = source.Title;
        point.Payload["organisation"] = source.Organisation;
        point.Payload["type"] = source.Type.ToKeyword();
        point.Payload["specialty"] = source.Specialty;
        point.Payload["url"] = source.Url ?? string.Empty;
        if (source.Year is { } year)
        {
            point.Payload["year"] = year;
        }

        return point;
    }

    private static Passage FromPayload(MapField<string, Value> payload)
    {
        string Text(string key) => payload.TryGetValue(key, out var value) ? value.StringValue : string.Empty;
        DocumentTypes.TryParse(Text("type"), out var type);
        int? year = payload.TryGetValue("year", out var y) && y.KindCase == Value.KindOneofCase.IntegerValue ? (int)y.IntegerValue : null;
        var url = Text("url");
        var source = new DocumentMetadata(Text("title"), Text("organisation"), year, type, Text("specialty"), url.Length > 0 ? url : null);
        return new Passage(Text("passage_id"), Text("doc_id"), (int)payload["chunk_index"].IntegerValue, Text("heading"), Text("text"), source);
    }
}
