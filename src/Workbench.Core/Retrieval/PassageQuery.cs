namespace Workbench.Core.Retrieval;

/// <summary>
/// What to search for: the query's dense and sparse vectors, how, how many, and which passages qualify;
/// <paramref name="WithTermIds"/> also returns each passage's stored term ids (for re-ranking).
/// <paramref name="Evidence"/>, when the dense vector searched with is not the question's own (moved by
/// feedback), is the question's: each hit's cosine, the evidence abstention relies on, is taken to it.
/// </summary>
public sealed record PassageQuery(
    ReadOnlyMemory<float> Dense, SparseVector Sparse, RetrieverKind Kind, int TopK, SearchFilters Filters, FusionSettings? Fusion = null, bool WithTermIds = false,
    ReadOnlyMemory<float>? Evidence = null);
