namespace Workbench.Core.Answering.Verification;

/// <summary>Thresholds of the citation verifier, calibrated on the labelled pairs (README, "Citation verification").</summary>
public sealed class VerificationOptions
{
    public const string Section = "Verification";

    public bool Enabled { get; set; } = true;

    public UnsupportedSentences Unsupported { get; set; } = UnsupportedSentences.Remove;

    /// <summary>Share of the sentence's content words the passage must contain for full support.</summary>
    [Range(0.0, 1.0)]
    public double SupportedCoverage { get; set; } = 0.75;

    /// <summary>Cosine similarity to the closest passage sentence that stands for full support on its own.</summary>
    [Range(0.0, 1.0)]
    public double SupportedSimilarity { get; set; } = 0.9;

    /// <summary>Below both this coverage and <see cref="PartialSimilarity"/>, a sentence is unsupported.</summary>
    [Range(0.0, 1.0)]
    public double PartialCoverage { get; set; } = 0.5;

    [Range(0.0, 1.0)]
    public double PartialSimilarity { get; set; } = 0.8;

    /// <summary>
    /// A word the sentence has and the passage lacks is "specific" (a drug, a test, a condition) when at
    /// most this share of the corpus's documents use it; a specific word the passage lacks means unsupported.
    /// </summary>
    [Range(0.0, 1.0)]
    public double SpecificTermDocumentShare { get; set; } = 0.05;
}
