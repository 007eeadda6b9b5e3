using Workbench.Core.Evaluation.Statistics;

namespace Workbench.Core.Evaluation.Campaigns;

/// <summary>Style covariates of one generated answer: words, citations, sentences.</summary>
public sealed record AnswerStyle(int Words, int Citations, int Sentences)
{
    public static IReadOnlyList<string> Covariates { get; } = ["words", "citations", "sentences"];

    public IReadOnlyList<double> Values => [Words, Citations, Sentences];

    public static AnswerStyle Of(AskResult answer) => new(
        answer.Sentences.Sum(s => s.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length),
        answer.Sentences.SelectMany(s => s.CitationNumbers).Distinct().Count(),
        answer.Sentences.Count);
}

/// <summary>
/// One rater's record: items done, median seconds per item (gaps between consecutive submissions, breaks
/// over <see cref="RaterQualityPanel.BreakSeconds"/> left out), the longest run of flat judgements (every
/// axis of both answers the same score), preference agreement with the consensus of the other raters
/// (Cohen's kappa), check items passed, and the Fisher anomaly test.
/// </summary>
public sealed record RaterQuality(
    string Rater,
    int Items,
    double? MedianSecondsPerItem,
    int LongestFlatRun,
    double? AgreementWithOthers,
    int AgreementUnits,
    int ChecksTaken,
    int ChecksPassed,
    RaterAnomalyResult? Anomaly)
{
    public bool StraightLining => LongestFlatRun >= RaterQualityPanel.FlatRunThreshold;

    public double? CheckPassRate => ChecksTaken == 0 ? null : (double)ChecksPassed / ChecksTaken;

    public bool BelowCheckThreshold => CheckPassRate < RaterQualityPanel.CheckPassThreshold;
}

/// <summary>What a check item expects: "bothBad", "tie", or the name of the configuration that should win.</summary>
public sealed record CheckItem(int Question, string Expected)
{
    public const string BothBad = "bothBad";
    public const string Tie = "tie";

    /// <summary>
    /// Checks typed one per line as "question number = expectation", numbered from 1 as the owner sees them.
    /// A line that does not parse becomes an out-of-range check, so validation reports it with the rest.
    /// </summary>
    public static IReadOnlyList<CheckItem> ParseLines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2, StringSplitOptions.TrimEntries) is [var number, var expected]
                && int.TryParse(number, System.Globalization.CultureInfo.InvariantCulture, out var question)
                    ? new CheckItem(question - 1, expected)
                    : new CheckItem(-1, line))
            .ToList();

    /// <summary>Whether the judgement meets the expectation; null when the expected winner is not in the item's pair.</summary>
    public bool? Passed(Judgement judgement, IReadOnlyList<string> configurations)
    {
        if (string.Equals(Expected, BothBad, StringComparison.OrdinalIgnoreCase))
        {
            return judgement.Preference == PairPreference.BothBad;
        }

        if (string.Equals(Expected, Tie, StringComparison.OrdinalIgnoreCase))
        {
            return judgement.Preference == PairPreference.Tie;
        }

        bool Is(int variant) => string.Equals(configurations[variant].Split(' ')[0], Expected, StringComparison.OrdinalIgnoreCase);
        return Is(judgement.FirstVariant) ? judgement.Preference == PairPreference.First
            : Is(judgement.SecondVariant) ? judgement.Preference == PairPreference.Second
            : null;
    }
}
