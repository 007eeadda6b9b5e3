namespace Workbench.Core.Domain;

/// <summary>
/// The settings that produced an answer, stored with it so configurations can be compared later.
/// <paramref name="Query"/> is what was done to the question before searching ("none" for nothing).
/// </summary>
public sealed record PipelineConfiguration(
    string Name,
    int Version,
    string EmbeddingModel,
    string Retriever,
    string Fusion,
    string Reranker,
    int TopK,
    int ChunkTokens,
    int OverlapTokens,
    string Composer,
    string Query = "none")
{
    /// <summary>How the configuration is named to people: on answers and in the ratings summary.</summary>
    public string Label => $"{Name} v{Version} · {Retriever}{(Reranker is null or "none" ? "" : " + " + Reranker)} · {Composer}";
}

/// <summary>The choosable part of a pipeline configuration: a name, a version and the retrieval settings.</summary>
public sealed record PipelineVariant(string Name, int Version, Retrieval.RetrieverKind Retriever, Retrieval.RerankerKind Reranker, int TopK)
{
    public override string ToString() => $"{Name} v{Version}";
}

/// <param name="ExcludedDocuments">Documents none of whose passages may be returned: evaluations use it to take a question's answer out of the corpus.</param>
public sealed record SearchFilters(DocumentType? Type = null, string? Specialty = null, int? YearFrom = null, int? YearTo = null, IReadOnlyList<string>? ExcludedDocuments = null)
{
    public static SearchFilters None { get; } = new();
}
