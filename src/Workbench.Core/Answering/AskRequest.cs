using Workbench.Core.Retrieval;

namespace Workbench.Core.Answering;

/// <summary>
/// A question, with optional overrides of the configured retrieval (evaluations compare them). A
/// <see cref="Variant"/> replaces the default configuration whole, name and version included.
/// </summary>
public sealed record AskRequest(
    string Question,
    int? TopK = null,
    SearchFilters? Filters = null,
    RetrieverKind? Retriever = null,
    RerankerKind? Reranker = null,
    PipelineVariant? Variant = null);

/// <summary>The passages found for a question and what finding them cost.</summary>
public sealed record RetrievalResult(IReadOnlyList<RetrievedPassage> Passages, PipelineConfiguration Configuration, double EmbedMs, double RetrieveMs);
