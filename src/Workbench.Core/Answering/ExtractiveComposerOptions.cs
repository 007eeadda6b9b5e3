namespace Workbench.Core.Answering;

public sealed class ExtractiveComposerOptions
{
    /// <summary>
    /// Below this cosine similarity of the best passage the corpus is taken not to answer the question.
    /// Calibrated for arctic-embed-xs on the bundled corpus (README, "Abstention threshold"): the 44
    /// in-corpus questions' best passages scored 0.69–0.89, 14 of 15 out-of-corpus questions 0.47–0.66.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinPassageScore { get; set; } = 0.68;

    /// <summary>Sentences are quoted only from passages scoring within this margin of the best one.</summary>
    [Range(0.0, 1.0)]
    public double PassageScoreMargin { get; set; } = 0.08;

    /// <summary>Smallest share (IDF-weighted) of the question's content words a quoted sentence must contain.</summary>
    [Range(0.0, 1.0)]
    public double MinSentenceCoverage { get; set; } = 0.2;

    [Range(1, 10)]
    public int MaxSentences { get; set; } = 4;

    /// <summary>Sentences sharing more than this share of their words with one already chosen are dropped.</summary>
    [Range(0.0, 1.0)]
    public double NearDuplicateOverlap { get; set; } = 0.6;
}
