namespace Workbench.Core.Retrieval;

/// <summary>How passages are found: by meaning, by words, or both fused.</summary>
public enum RetrieverKind
{
    Dense,
    Sparse,
    Hybrid,
}
