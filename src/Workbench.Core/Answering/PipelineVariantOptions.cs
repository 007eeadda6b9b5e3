using Workbench.Core.Retrieval;

namespace Workbench.Core.Answering;

/// <summary>A named, versioned pipeline configuration from configuration (<c>Ask:Variants</c>).</summary>
public sealed class PipelineVariantOptions
{
    public string Name { get; set; } = string.Empty;

    public int Version { get; set; } = 1;

    public RetrieverKind Retriever { get; set; } = RetrieverKind.Hybrid;

    public RerankerKind Reranker { get; set; } = RerankerKind.None;

    public int TopK { get; set; } = 5;
}
