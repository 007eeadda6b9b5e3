using Google.Protobuf.Collections;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using Workbench.Core.Domain;
using static Qdrant.Client.Grpc.Conditions;

namespace Workbench.Core.Retrieval;

/// <summary>
/// The passage index in Qdrant: one point per passage, a named dense vector, the source metadata
/// and a content hash as payload. All Qdrant calls of the product go through here.
/// </summary>
public sealed class QdrantPassageIndex(QdrantClient client, IOptions<QdrantOptions> options)
{
    public const string DenseVector = "dense";

    public string Collection => options.Value.Collection;

    public async Task EnsureCollectionAsync(int dimensions, CancellationToken cancellationToken = default)
    {
        if (await client.CollectionExistsAsync(Collection, cancellationToken))
        {
            return;
        }

        var vectors = new VectorParamsMap();
        vectors.Map[DenseVector] = new VectorParams { Size = (ulong)dimensions, Distance = Distance.Cosine };
        await client.CreateCollectionAsync(Collection, vectors, cancellationToken: cancellationToken);
        foreach (var keyword in new[] { "doc_id", "type", "specialty" })
        {
            await client.CreatePayloadIndexAsync(Collection, keyword, PayloadSchemaType.Keyword, cancellationToken: cancellationToken);
        }

        await client.CreatePayloadIndexAsync(Collection, "year", PayloadSchemaType.Integer, cancellationToken: cancellationToken);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        await client.CollectionExistsAsync(Collection, cancellationToken)
            ? (long)await client.CountAsync(Collection, exact: true, cancellationToken: cancellationToken)
            : 0;

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

    public async Task UpsertAsync(IReadOnlyList<(Passage Passage, ReadOnlyMemory<float> Vector)> items, CancellationToken cancellationToken = default)
    {
        if (items.Count == 0)
        {
            return;
        }

        var points = items.Select(item => ToPoint(item.Passage, item.Vector)).ToList();
        await client.UpsertAsync(Collection, points, wait: true, cancellationToken: cancellationToken);
    }

    /// <summary>Removes passages of a document that a new version no longer has (it got shorter).</summary>
    public async Task DeleteStalePassagesAsync(string documentId, int passageCount, CancellationToken cancellationToken = default)
    {
        var filter = MatchKeyword("doc_id", documentId) & Range("chunk_index", new Qdrant.Client.Grpc.Range { Gte = passageCount });
        await client.DeleteAsync(Collection, filter, wait: true, cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<RetrievedPassage>> SearchAsync(
        ReadOnlyMemory<float> queryVector, int topK, SearchFilters filters, CancellationToken cancellationToken = default)
    {
        var points = await client.QueryAsync(
            Collection,
            query: queryVector.ToArray(),
            usingVector: DenseVector,
            filter: ToFilter(filters),
            limit: (ulong)topK,
            payloadSelector: true,
            cancellationToken: cancellationToken);
        return points.Select(p => new RetrievedPassage(FromPayload(p.Payload), p.Score)).ToList();
    }

    /// <summary>True when Qdrant answers; used by the health endpoint.</summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await client.HealthAsync(cancellationToken);
            return true;
        }
        catch (RpcException)
        {
            return false;
        }
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
        var point = new PointStruct
        {
            Id = new PointId { Uuid = PointGuid(passage.Id).ToString() },
            Vectors = new Dictionary<string, float[]> { [DenseVector] = vector.ToArray() },
        };
        var source = passage.Source;
        point.Payload["passage_id"] = passage.Id;
        point.Payload["doc_id"] = passage.DocumentId;
        point.Payload["chunk_index"] = passage.ChunkIndex;
        point.Payload["heading"] = passage.Heading;
        point.Payload["text"] = passage.Text;
        point.Payload["content_hash"] = passage.ContentHash;
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
