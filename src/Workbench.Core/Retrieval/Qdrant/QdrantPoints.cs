using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

namespace Workbench.Core.Retrieval.Qdrant;

/// <summary>A passage as a Qdrant point: its two vectors, and its metadata and index hash as payload.</summary>
internal static class QdrantPoints
{
    internal static PointStruct ToPoint(Passage passage, ReadOnlyMemory<float> vector)
    {
        var sparse = SparseEncoder.EncodeDocument(passage.EmbeddingText);
        var point = new PointStruct
        {
            Id = new PointId { Uuid = StoredPassages.PointGuid(passage.Id).ToString() },
            Vectors = new Dictionary<string, Vector>
            {
                [QdrantPassageIndex.DenseVector] = vector.ToArray(),
                [QdrantPassageIndex.SparseVectorName] = (sparse.Values, sparse.Indices),
            },
        };
        var source = passage.Source;
        point.Payload["passage_id"] = passage.Id;
        point.Payload["doc_id"] = passage.DocumentId;
        point.Payload["chunk_index"] = passage.ChunkIndex;
        point.Payload["heading"] = passage.Heading;
        point.Payload["text"] = passage.Text;
        point.Payload["content_hash"] = StoredPassages.IndexHash(passage);
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

    internal static Passage FromPayload(MapField<string, Value> payload)
    {
        string Text(string key) => payload.TryGetValue(key, out var value) ? value.StringValue : string.Empty;
        DocumentTypes.TryParse(Text("type"), out var type);
        int? year = payload.TryGetValue("year", out var y) && y.KindCase == Value.KindOneofCase.IntegerValue ? (int)y.IntegerValue : null;
        var url = Text("url");
        var source = new DocumentMetadata(Text("title"), Text("organisation"), year, type, Text("specialty"), url.Length > 0 ? url : null);
        return new Passage(Text("passage_id"), Text("doc_id"), (int)payload["chunk_index"].IntegerValue, Text("heading"), Text("text"), source);
    }
}
