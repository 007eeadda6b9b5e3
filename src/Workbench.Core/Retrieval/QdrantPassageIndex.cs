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

/// <summary>How hybrid search combines the dense and sparse rankings; by default as <c>Ask:Fusion</c> does (DBSF).</summary>
public sealed record FusionSettings(FusionKind Kind = FusionKind.Dbsf, int? RrfK = null, double DenseWeight = 1, double SparseWeight = 0.005)
{
    public override string ToString() => Kind switch
    {
        FusionKind.Dbsf => "dbsf",
        FusionKind.Linear => $"linear(sparse×{SparseWeight:0.####})",
        _ => $"rrf{(RrfK is { } k ? $"(k={k})" : string.Empty)}{(DenseWeight == 1 ? string.Empty : $" dense×{DenseWeight:0.##}")}",
    };
}

/// <summary>
/// What to search for: the query's dense and sparse vectors, how, how many, and which passages qualify;
/// <paramref name="WithTermIds"/> also returns each passage's stored term ids (for re-ranking).
/// <paramref name="Evidence"/>, when the dense vector searched with is not the question's own (moved by
/// feedback), is the question's: each hit's cosine, the evidence abstention relies on, is taken to it.
/// </summary>
public sealed record PassageQuery(
    ReadOnlyMemory<float> Dense, SparseVector Sparse, RetrieverKind Kind, int TopK, SearchFilters Filters, FusionSettings? Fusion = null, bool WithTermIds = false,
    ReadOnlyMemory<float>? Evidence = null);

/// <summary>
/// A passage found by a search, before its text is loaded: what re-ranking needs. <see cref="Score"/> is
/// its dense cosine similarity to the query, <see cref="RankScore"/> what ranked it, <see cref="TermIds"/>
/// the ids of its distinct terms as stored (its sparse vector's indices) when the query asked for them.
/// </summary>
public sealed record SearchHit(Guid PointId, double Score, double RankScore, IReadOnlySet<uint>? TermIds = null);

/// <summary>
/// The passage index in Qdrant: one point per passage with a dense vector (the embedding model) and a
/// sparse lexical vector (BM25-style weights, IDF applied by Qdrant), the source metadata and a content
/// hash as payload. Hybrid search fuses both inside one Qdrant query.
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

    /// <summary>
    /// The dense vectors stored for those of the passages whose content is unchanged, whatever sparse
    /// encoding they were stored with: the dense vector depends on the content alone.
    /// </summary>
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
        var byId = passages.ToDictionary(p => p.Id);
        var reusable = new Dictionary<string, ReadOnlyMemory<float>>();
        foreach (var point in points)
        {
            var id = point.Payload["passage_id"].StringValue;
            if (byId.TryGetValue(id, out var passage) && SameContent(point.Payload["content_hash"].StringValue, passage)
                && point.Vectors?.Vectors?.Vectors.TryGetValue(DenseVector, out var stored) == true && stored.GetDenseVector() is { } dense)
            {
                reusable[id] = dense.Data.ToArray();
            }
        }

        return reusable;
    }

    /// <summary>The hash stored with a passage: its content, then after a colon the sparse encoding's version.</summary>
    public static string IndexHash(Passage passage) => $"{passage.ContentHash}:{Derivation}";

    /// <summary>The versions of the rules that derive a stored passage from its document besides the embedding model: sparse encoding and de-identification.</summary>
    private static string Derivation => $"sparse-v{SparseEncoder.Version}:deid-v{Deidentification.Deidentifier.RulesVersion}";

    /// <summary>
    /// Whether the passages stored were derived by this version's rules (true when there are none). One passage tells:
    /// a reindex rewrites every passage whose <see cref="IndexHash"/> differs, so an index is all old or all current
    /// unless a reindex was cancelled half way.
    /// </summary>
    public async Task<bool> IsCurrentAsync(CancellationToken cancellationToken = default)
    {
        var sample = await client.ScrollAsync(Collection, limit: 1,
            payloadSelector: new WithPayloadSelector { Include = new PayloadIncludeSelector { Fields = { "content_hash" } } }, cancellationToken: cancellationToken);
        return sample.Result.Count == 0
            || (sample.Result[0].Payload.TryGetValue("content_hash", out var hash) && hash.StringValue.EndsWith(":" + Derivation, StringComparison.Ordinal));
    }

    /// <summary>Whether a stored <see cref="IndexHash"/> is of this passage's content, whatever its sparse encoding.</summary>
    public static bool SameContent(string indexHash, Passage passage) => indexHash.Split(':')[0] == passage.ContentHash;

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
    public async Task<IReadOnlyList<RetrievedPassage>> SearchAsync(PassageQuery query, CancellationToken cancellationToken = default) =>
        await LoadAsync(await FindAsync(query, cancellationToken), cancellationToken);

    /// <summary>
    /// The ranking alone, each hit with its cosine similarity (and its term ids when asked), in one Qdrant
    /// call: passages are loaded afterwards (<see cref="LoadAsync"/>), so re-ranking many candidates only
    /// loads the text of those kept. The cosine comes from Qdrant rather than from the stored vectors,
    /// which cost more to transfer than anything else in the answer.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> FindAsync(PassageQuery query, CancellationToken cancellationToken = default)
    {
        if (query.Kind == RetrieverKind.Sparse && query.Sparse.Indices.Length == 0)
        {
            return [];
        }

        var dense = query.Dense.ToArray();
        var ranking = Ranking(query, dense);
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

    /// <summary>The dense vectors of the passages nearest to a query vector, nearest first (for pseudo-relevance feedback).</summary>
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
        if (ToFilter(filters) is { } filter)
        {
            request.Filter = filter;
        }

        var points = (await client.QueryBatchAsync(Collection, [request], cancellationToken: cancellationToken))[0].Result;
        return points
            .Select(p => p.Vectors?.Vectors?.Vectors.TryGetValue(DenseVector, out var stored) == true ? stored.GetDenseVector()?.Data.ToArray() : null)
            .OfType<float[]>()
            .ToList();
    }

    /// <summary>
    /// The passages of the hits, in the hits' order. A hit whose passage has gone since it was found (a
    /// reindex switched versions in between) is left out.
    /// </summary>
    public async Task<IReadOnlyList<RetrievedPassage>> LoadAsync(IReadOnlyList<SearchHit> hits, CancellationToken cancellationToken = default)
    {
        if (hits.Count == 0)
        {
            return [];
        }

        var ids = hits.Select(h => new PointId { Uuid = h.PointId.ToString() }).ToList();
        var points = await client.RetrieveAsync(Collection, ids, new WithPayloadSelector { Enable = true }, new WithVectorsSelector { Enable = false },
            cancellationToken: cancellationToken);
        var passages = points.ToDictionary(p => Guid.Parse(p.Id.Uuid), p => FromPayload(p.Payload));
        return hits.Where(h => passages.ContainsKey(h.PointId)).Select(h => new RetrievedPassage(passages[h.PointId], h.Score, h.RankScore)).ToList();
    }

    private static SearchHit Hit(ScoredPoint point, double cosine) =>
        new(Guid.Parse(point.Id.Uuid), cosine, point.Score,
            point.Vectors?.Vectors?.Vectors.TryGetValue(SparseVectorName, out var stored) == true && stored.GetSparseVector() is { } sparse
                ? sparse.Indices.ToHashSet()
                : null);

    /// <summary>The chosen retriever's ranking as a query, with the payload filters applied at every stage.</summary>
    internal static PrefetchQuery Ranking(PassageQuery query, float[] dense)
    {
        var filter = ToFilter(query.Filters);
        var ranking = query.Kind switch
        {
            RetrieverKind.Dense => new PrefetchQuery { Query = dense, Using = DenseVector },
            RetrieverKind.Sparse => new PrefetchQuery { Query = (query.Sparse.Values, query.Sparse.Indices), Using = SparseVectorName },
            RetrieverKind.Hybrid => new PrefetchQuery { Query = FusionQuery(query), Prefetch = { Prefetch(query, dense, filter) } },
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Kind, null),
        };
        ranking.Limit = (ulong)query.TopK;
        if (filter is not null)
        {
            ranking.Filter = filter;
        }

        return ranking;
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

        var excluded = filters.ExcludedDocuments ?? [];
        if (conditions.Count == 0 && excluded.Count == 0)
        {
            return null;
        }

        var filter = new Filter();
        filter.Must.AddRange(conditions);
        if (excluded.Count > 0)
        {
            filter.MustNot.Add(Match("doc_id", excluded));
        }

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
