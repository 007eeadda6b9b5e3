namespace Workbench.Core.Retrieval;

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
