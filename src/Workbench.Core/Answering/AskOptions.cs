using Workbench.Core.Retrieval;

namespace Workbench.Core.Answering;

public sealed class AskOptions
{
    public const string Section = "Ask";

    [Range(1, 50)]
    public int DefaultTopK { get; set; } = 5;

    /// <summary>Dense (embedding), sparse (BM25-style) or hybrid (both, fused in Qdrant as <see cref="Fusion"/> says).</summary>
    public RetrieverKind Retriever { get; set; } = RetrieverKind.Hybrid;

    /// <summary>How hybrid search fuses the two rankings: Rrf, Dbsf or Linear.</summary>
    public FusionKind Fusion { get; set; } = FusionKind.Linear;

    /// <summary>RRF's k (Qdrant's default when unset); larger values flatten the advantage of top ranks.</summary>
    [Range(1, 1000)]
    public int? RrfK { get; set; }

    /// <summary>Weight of the dense ranking against the sparse one in RRF.</summary>
    [Range(0.1, 10.0)]
    public double DenseWeight { get; set; } = 1;

    /// <summary>For linear fusion: what one unit of BM25 score adds to the dense cosine similarity.</summary>
    [Range(0.0, 1.0)]
    public double SparseWeight { get; set; } = 0.005;

    /// <summary>Optional re-ranking of the retrieved candidates.</summary>
    public RerankerKind Reranker { get; set; } = RerankerKind.Lexical;

    /// <summary>For the lexical re-ranker: weight of question-term coverage against dense similarity.</summary>
    [Range(0.0, 1.0)]
    public double LexicalWeight { get; set; } = 0.2;

    /// <summary>
    /// Search with the question cleaned of greetings, thanks, signatures and a repeated subject line
    /// (<see cref="Text.ConsumerMessage"/>); the question shown and stored is the one asked. On by default:
    /// chosen by the rule in the README ("Retrieval on consumer questions").
    /// </summary>
    public bool CleanQuestion { get; set; } = true;

    /// <summary>
    /// Scale the sparse (linear fusion) and lexical weights by how specific the question's words are
    /// (<see cref="SparseEmphasis"/>): codes, doses and drug names raise them, everyday wording lowers them.
    /// On by default, with linear fusion: chosen by the rule in the README ("Retrieval on consumer questions").
    /// </summary>
    public bool AdaptiveSparseWeight { get; set; } = true;

    /// <summary>
    /// Dense pseudo-relevance feedback: the query vector is moved toward the mean of the vectors of this
    /// many nearest passages before searching (0: off).
    /// </summary>
    [Range(0, 20)]
    public int FeedbackPassages { get; set; }

    /// <summary>How far the query vector moves toward those passages: their mean's weight against the query's 1.</summary>
    [Range(0.0, 4.0)]
    public double FeedbackWeight { get; set; } = 0.5;

    /// <summary>
    /// Document-level aggregation: passages are ranked by their document's evidence, the best passage's
    /// score plus this weight times the scores of the document's other passages found (0: off).
    /// </summary>
    [Range(0.0, 1.0)]
    public double DocumentAggregation { get; set; }

    [Range(1, 50)]
    public int MaxTopK { get; set; } = 20;

    [Range(10, 100_000)]
    public int MaxQuestionLength { get; set; } = 2000;

    /// <summary>Name and version recorded with every answer, so evaluators can compare configurations.</summary>
    [Required]
    public string PipelineName { get; set; } = "default";

    [Range(1, int.MaxValue)]
    public int PipelineVersion { get; set; } = 1;

    /// <summary>
    /// The quoting composer answers come from when no language model is configured: extractive, focused, top-passage or lead-3.
    /// Extractive stays the default until focused stops abstaining on bundled-corpus questions it should answer (see the README's "Answer quality").
    /// </summary>
    [Required]
    public string Composer { get; set; } = ExtractiveComposer.ComposerName;

    public FocusedComposerOptions Focused { get; set; } = new();

    public ExtractiveComposerOptions Extractive { get; set; } = new();

    /// <summary>Other named configurations, beside the default above, that evaluation campaigns can compare.</summary>
    public List<PipelineVariantOptions> Variants { get; set; } = [];

    /// <summary>What the configured pipeline does to the question and the ranking beyond its retriever and re-ranker.</summary>
    public SearchTuning Tuning => new(CleanQuestion, AdaptiveSparseWeight, FeedbackPassages, FeedbackWeight, DocumentAggregation);

    /// <summary>The default configuration as a variant: what the ask page uses.</summary>
    public PipelineVariant DefaultVariant => new(PipelineName, PipelineVersion, Retriever, Reranker, DefaultTopK);

    /// <summary>Every named configuration, the default first.</summary>
    public IReadOnlyList<PipelineVariant> AllVariants =>
        [DefaultVariant, .. Variants.Select(v => new PipelineVariant(v.Name, v.Version, v.Retriever, v.Reranker, v.TopK))];

    /// <summary>Variant names must be unique, or an answer's configuration could not be told apart.</summary>
    public bool HasUniqueVariantNames() =>
        AllVariants.Select(v => v.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() == AllVariants.Count
        && Variants.All(v => !string.IsNullOrWhiteSpace(v.Name) && v.Version >= 1 && v.TopK is >= 1 and <= 50);
}

/// <summary>The question cleaning, adaptive sparse weight, dense feedback and document aggregation of a pipeline (<see cref="AskOptions"/>).</summary>
public sealed record SearchTuning(bool CleanQuestion, bool AdaptiveSparseWeight, int FeedbackPassages, double FeedbackWeight, double DocumentAggregation)
{
    public static SearchTuning None { get; } = new(false, false, 0, 0, 0);
}
