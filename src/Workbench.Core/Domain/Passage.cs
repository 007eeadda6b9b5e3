namespace Workbench.Core.Domain;

/// <summary>A chunk of a document: the unit that is embedded, retrieved and cited.</summary>
public sealed record Passage(
    string Id,
    string DocumentId,
    int ChunkIndex,
    string Heading,
    string Text,
    DocumentMetadata Source)
{
    /// <summary>What the embedding model sees: the heading travels with the text it introduces.</summary>
    public string EmbeddingText => $"{Source.Title} — {Heading}\n{Text}";

    /// <summary>Changes whenever anything that is embedded or shown changes, so unchanged passages are not re-embedded.</summary>
    public string ContentHash => Hashing.Sha256Hex($"{EmbeddingText}\u001f{Source}");
}

/// <summary>
/// A search hit. <see cref="Score"/> is the dense cosine similarity to the question (the evidence used
/// for abstention and shown to users); <see cref="RankScore"/> is what ranked it (cosine, BM25 or a fused rank score).
/// </summary>
public sealed record RetrievedPassage(Passage Passage, double Score, double RankScore)
{
    public RetrievedPassage(Passage passage, double score)
        : this(passage, score, score)
    {
    }
}
