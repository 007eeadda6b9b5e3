namespace Workbench.Core.Answering;

/// <summary>Settings of the focused composer, chosen on the development halves (README, "Answer quality").</summary>
public sealed class FocusedComposerOptions
{
    /// <summary>Below this cosine similarity of the best passage the corpus is taken not to answer the question.</summary>
    [Range(0.0, 1.0)]
    public double MinPassageScore { get; set; } = 0.68;

    /// <summary>What a document's title or heading naming the question's type (causes, treatment, …) adds to its best passage's similarity.</summary>
    [Range(0.0, 1.0)]
    public double TypeBonus { get; set; } = 0.02;

    /// <summary>Smallest IDF-weighted share of the content words of (a part of) the question the chosen document's passages must hold.</summary>
    [Range(0.0, 1.0)]
    public double MinDocumentCoverage { get; set; } = 0.3;

    /// <summary>Where a kind of content the question asks for (causes, dose, treatment, …) must be named for the chosen document to answer it.</summary>
    public TypeMatch TypeMatch { get; set; } = TypeMatch.Labels;

    /// <summary>The answer stops at the sentence that reaches this many words.</summary>
    [Range(10, 1000)]
    public int MaxWords { get; set; } = 250;

    /// <summary>For a yes/no question about a finding or an answer from a research abstract: the best passage's sentences covering at least this share of what its best sentence covers.</summary>
    [Range(0.0, 1.0)]
    public double FindingCoverageShare { get; set; } = 0.6;

    /// <summary>A part of the question counts as answered when the quoted sentences hold this share of the words only it has.</summary>
    [Range(0.0, 1.0)]
    public double MinPartCoverage { get; set; } = 0.5;
}
