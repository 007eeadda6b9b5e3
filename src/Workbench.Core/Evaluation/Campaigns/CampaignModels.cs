namespace Workbench.Core.Evaluation.Campaigns;

/// <summary>
/// What an evaluator fills in to create a campaign. <paramref name="Overlap"/>: raters per item (null: every
/// rater scores every item); <paramref name="Checks"/>: questions whose outcome is known, to measure raters;
/// <paramref name="Guidelines"/>: Markdown shown beside the scoring page.
/// </summary>
public sealed record CampaignDraft(
    string Name,
    IReadOnlyList<PipelineVariant> Variants,
    IReadOnlyList<string> Raters,
    IReadOnlyList<string> Questions,
    int? Overlap = null,
    IReadOnlyList<CheckItem>? Checks = null,
    string? Guidelines = null)
{
    public const int MaxNameLength = 200;
    public const int MaxRaterLength = 64;
    public const int MaxGuidelinesLength = 20_000;

    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > MaxNameLength)
        {
            errors["name"] = $"Give the campaign a name of 1–{MaxNameLength} characters.";
        }

        if (Variants.Select(v => v.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() < 2 || Variants.Count != Variants.DistinctBy(v => v.Name).Count())
        {
            errors["variants"] = "Choose two or more different pipeline configurations.";
        }

        var raters = Raters.Select(r => r.Trim()).Where(r => r.Length > 0).ToList();
        if (raters.Count == 0)
        {
            errors["raters"] = "Assign at least one rater.";
        }
        else if (raters.Any(r => r.Length > MaxRaterLength || r.Contains('/', StringComparison.Ordinal)))
        {
            errors["raters"] = $"Rater names are at most {MaxRaterLength} characters and contain no '/'.";
        }
        else if (raters.Distinct(StringComparer.OrdinalIgnoreCase).Count() != raters.Count)
        {
            errors["raters"] = "Each rater appears once.";
        }

        if (Questions.Count == 0)
        {
            errors["questions"] = "Import at least one question.";
        }

        if (Overlap is { } k && (k < 1 || k > raters.Count))
        {
            errors["overlap"] = $"Raters per item is between 1 and the number of raters ({raters.Count}); 2 or more keeps agreement computable.";
        }

        var bad = (Checks ?? []).Where(c => c.Question < 0 || c.Question >= Questions.Count || !IsExpectation(c.Expected)).ToList();
        if (bad.Count > 0 || (Checks ?? []).DistinctBy(c => c.Question).Count() != (Checks ?? []).Count)
        {
            errors["checks"] = $"A check names a question 1–{Questions.Count} once, expecting \"{CheckItem.BothBad}\", \"{CheckItem.Tie}\" or a chosen configuration.";
        }

        if (Guidelines?.Length > MaxGuidelinesLength)
        {
            errors["guidelines"] = $"The guidelines are {Guidelines.Length:N0} characters; the limit is {MaxGuidelinesLength:N0}.";
        }

        return errors;
    }

    private bool IsExpectation(string expected) =>
        expected.Equals(CheckItem.BothBad, StringComparison.OrdinalIgnoreCase) || expected.Equals(CheckItem.Tie, StringComparison.OrdinalIgnoreCase)
        || Variants.Any(v => v.Name.Equals(expected, StringComparison.OrdinalIgnoreCase));
}

public sealed record RaterProgress(string Rater, int Scored, int Total);

public sealed record CampaignSummary(
    Guid Id,
    string Name,
    CampaignStatus Status,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt,
    int Questions,
    IReadOnlyList<PipelineVariant> Variants,
    int AnswersDone,
    int AnswersTotal,
    IReadOnlyList<RaterProgress> Raters,
    int? Overlap,
    string? Guidelines,
    IReadOnlyList<string> ExcludedRaters,
    string? OwnerUserId = null)
{
    /// <summary>Closing and retrying are for the campaign's owner and admins, not for every evaluator.</summary>
    public bool CanBeManagedBy(string? userId, bool isAdmin) => isAdmin || (OwnerUserId is not null && OwnerUserId == userId);

    /// <summary>
    /// Check results and the rater quality panel are for whoever runs the campaign (its owner, admins) and never
    /// for one of its raters, even an owner who also rates: a rater would see how the others did.
    /// </summary>
    public bool ShowsQualityTo(string? userId, string? userName, bool isAdmin) =>
        CanBeManagedBy(userId, isAdmin) && Raters.All(r => !string.Equals(r.Rater, userName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Intra-item correlation assumed for planning before any agreement is measured (documented in the README).</summary>
    public const double PlanningCorrelation = 0.3;

    public int Items => Questions * PairCount(Variants.Count);

    public int RatersPerItem => Overlap ?? Raters.Count;

    /// <summary>Judgements each pair of configurations gets once every rater is done.</summary>
    public int JudgementsPerPair => Questions * RatersPerItem;

    /// <summary>Judgements a pair needs to tell a 55% win rate from 50% at 95% with this overlap (power 80%).</summary>
    public int JudgementsNeededFor55 => Statistics.Power.JudgementsNeeded(0.55, Math.Max(1, RatersPerItem), PlanningCorrelation)!.Value;

    public static int PairCount(int variants) => variants * (variants - 1) / 2;

    /// <summary>The two configurations (indices into <see cref="Variants"/>) compared by the item's pair.</summary>
    public static (int First, int Second) Pair(int variants, int pairIndex)
    {
        var index = 0;
        for (var i = 0; i < variants; i++)
        {
            for (var j = i + 1; j < variants; j++)
            {
                if (index++ == pairIndex)
                {
                    return (i, j);
                }
            }
        }

        throw new ArgumentOutOfRangeException(nameof(pairIndex));
    }

    /// <summary>The pair index of two configurations, in either order: the inverse of <see cref="Pair"/>.</summary>
    public static int PairIndex(int variants, int a, int b)
    {
        var (first, second) = (Math.Min(a, b), Math.Max(a, b));
        ArgumentOutOfRangeException.ThrowIfEqual(first, second);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(second, variants);
        return (first * ((2 * variants) - first - 1) / 2) + (second - first - 1);
    }
}

/// <summary>An answer as a rater sees it: no configuration, no answer id, no timings.</summary>
public sealed record BlindAnswer(
    string Label,
    IReadOnlyList<AnswerSentence> Sentences,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<Citation> ClosestPassages,
    bool Abstained,
    string? AbstentionReason)
{
    public static BlindAnswer From(string label, AskResult answer) =>
        new(label, answer.Sentences, answer.Citations, answer.ClosestPassages, answer.Abstained, answer.AbstentionReason);
}

/// <summary>What a rater has already submitted for an item, in the layout they see.</summary>
public sealed record BlindJudgement(RubricScores Left, RubricScores Right, Preference Preference, string? Comment);

/// <summary>
/// One item of a rater's queue: the question and two anonymous answers, left and right; where it stands in
/// the rater's own order (<paramref name="Position"/> from 0) and the items before and after it there.
/// </summary>
public sealed record BlindItem(
    Guid CampaignId,
    string CampaignName,
    int Item,
    int Total,
    int Scored,
    string Question,
    BlindAnswer Left,
    BlindAnswer Right,
    BlindJudgement? Existing,
    int Position = 0,
    int? Previous = null,
    int? Next = null);

/// <summary>A rater's scores of an item, in the left/right terms they saw.</summary>
public sealed record JudgementInput(int Item, RubricScores Left, RubricScores Right, Preference? Preference, string? Comment)
{
    public const int MaxCommentLength = 4000;

    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        foreach (var (side, scores) in new[] { ("left", Left), ("right", Right) })
        {
            // Null when a JSON caller leaves the side out: every axis is then missing.
            var missing = scores is null ? Rubric.Axes.ToList() : scores.MissingAxes().ToList();
            if (missing.Count > 0)
            {
                errors[side] = $"Score answer {(side == "left" ? "A" : "B")} on {string.Join(", ", missing.Select(a => Rubric.Describe(a).Name.ToLowerInvariant()))} (1–5).";
            }
        }

        if (Preference is not { } preference || !Enum.IsDefined(preference))
        {
            errors["preference"] = "Choose which answer is better: A, B, tie, or both bad.";
        }

        if (Comment?.Length > MaxCommentLength)
        {
            errors["comment"] = $"The comment is {Comment.Length:N0} characters; the limit is {MaxCommentLength:N0}.";
        }

        return errors;
    }
}

/// <summary>A judgement with blinding undone: what the results are computed from.</summary>
public sealed record Judgement(int Item, string Rater, int FirstVariant, int SecondVariant, RubricScores First, RubricScores Second, PairPreference Preference, string? Comment, DateTimeOffset SubmittedAt);

public sealed record SubmitResult(SubmitOutcome Outcome, IReadOnlyDictionary<string, string> Errors)
{
    public static SubmitResult Saved { get; } = new(SubmitOutcome.Saved, new Dictionary<string, string>());

    public static SubmitResult Fail(SubmitOutcome outcome, string field, string message) => new(outcome, new Dictionary<string, string> { [field] = message });
}
