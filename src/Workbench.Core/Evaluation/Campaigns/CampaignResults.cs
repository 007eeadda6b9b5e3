using Workbench.Core.Evaluation.Statistics;

namespace Workbench.Core.Evaluation.Campaigns;

/// <summary>A configuration's mean score on each rubric axis, with 95% intervals.</summary>
public sealed record ConfigurationScores(string Configuration, int Judged, IReadOnlyDictionary<RubricAxis, Estimate> Axes, Estimate Overall);

/// <summary>
/// How one configuration fared against another: its win rate (ties and "both bad" count half) with a Wilson
/// interval; whether that interval excludes 50% (else the campaign cannot separate the two), and how many
/// judgements of the pair would be needed to separate them if the observed win rate is the true one.
/// </summary>
public sealed record PairwiseResult(string First, string Second, int Comparisons, int FirstWins, int SecondWins, int Ties, int BothBad, Estimate FirstWinRate, bool Separated, int? JudgementsNeeded);

/// <summary>Inter-rater agreement on one rubric axis or on the preference: kappa for two raters, alpha for more.</summary>
public sealed record AgreementResult(string Measure, string Method, double? Value, int Units);

public sealed record CampaignResultsReport(
    int Judgements,
    int Raters,
    IReadOnlyList<ConfigurationScores> Scores,
    IReadOnlyList<PairwiseResult> Pairwise,
    IReadOnlyList<Strength> Ranking,
    IReadOnlyList<AgreementResult> Agreement,
    StyleControlledRanking StyleControlled,
    IReadOnlyList<RaterQuality> Quality,
    double RatersPerItem);

/// <summary>What the results need besides the judgements: each answer's style and the check items by question.</summary>
public sealed record CampaignEvidence(IReadOnlyDictionary<(int Question, int Variant), AnswerStyle> Styles, IReadOnlyDictionary<int, CheckItem> Checks)
{
    public static CampaignEvidence None { get; } = new(new Dictionary<(int, int), AnswerStyle>(), new Dictionary<int, CheckItem>());
}

/// <summary>Everything the results view shows, computed from unblinded judgements.</summary>
public static class CampaignResults
{
    /// <summary>
    /// Check items are kept out of every table: they measure raters, not configurations. The quality panel
    /// covers every rater given, so when raters are excluded the caller passes the judgements without them.
    /// </summary>
    public static CampaignResultsReport Compute(IReadOnlyList<string> configurations, IReadOnlyList<Judgement> judgements, int bootstrapResamples = 1000, CampaignEvidence? evidence = null)
    {
        evidence ??= CampaignEvidence.None;
        var pairs = CampaignSummary.PairCount(configurations.Count);
        var checks = judgements.Where(j => evidence.Checks.ContainsKey(j.Item / pairs))
            .Select(j => (Judgement: j, Passed: evidence.Checks[j.Item / pairs].Passed(j, configurations)))
            .Where(c => c.Passed is not null).Select(c => (c.Judgement, c.Passed!.Value)).ToList();
        var scored = judgements.Where(j => !evidence.Checks.ContainsKey(j.Item / pairs)).ToList();
        var raters = scored.Select(j => j.Rater).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var agreement = Agreements(scored, raters);
        var ratersPerItem = scored.Count == 0 ? 0 : scored.GroupBy(j => j.Item).Average(g => g.Count());
        var correlation = agreement.Single(a => a.Measure == PreferenceMeasure).Value ?? 0;
        return new CampaignResultsReport(
            scored.Count,
            raters.Count,
            Scores(configurations, scored),
            Pairwise(configurations, scored, (int)Math.Round(Math.Max(1, ratersPerItem)), correlation),
            Ranking(configurations, scored, bootstrapResamples),
            agreement,
            StyleControlled(configurations, scored, evidence, pairs),
            RaterQualityPanel.Compute(configurations, scored, checks),
            ratersPerItem);
    }

    private const string PreferenceMeasure = "Overall preference";

    /// <summary>A judgement as a Bradley–Terry comparison: "both bad" and ties count half to each side.</summary>
    public static Comparison ToComparison(IReadOnlyList<string> configurations, Judgement j) => ToComparison(configurations, j.FirstVariant, j.SecondVariant, j.Preference);

    public static Comparison ToComparison(IReadOnlyList<string> configurations, int first, int second, PairPreference preference) => preference switch
    {
        PairPreference.First => Comparison.Win(configurations[first], configurations[second]),
        PairPreference.Second => Comparison.Win(configurations[second], configurations[first]),
        _ => Comparison.Tie(configurations[first], configurations[second]),
    };

    private static StyleControlledRanking StyleControlled(IReadOnlyList<string> configurations, IReadOnlyList<Judgement> judgements, CampaignEvidence evidence, int pairs)
    {
        var styled = judgements
            .Where(j => evidence.Styles.ContainsKey((j.Item / pairs, j.FirstVariant)) && evidence.Styles.ContainsKey((j.Item / pairs, j.SecondVariant)))
            .Select(j =>
            {
                var c = ToComparison(configurations, j);
                var first = evidence.Styles[(j.Item / pairs, j.FirstVariant)].Values;
                var second = evidence.Styles[(j.Item / pairs, j.SecondVariant)].Values;
                var swapped = c.First != configurations[j.FirstVariant];
                return new StyledComparison(c.First, c.Second, c.FirstWins, swapped ? second : first, swapped ? first : second);
            }).ToList();
        return StyleControlledBradleyTerry.Fit(styled, AnswerStyle.Covariates);
    }

    private static List<ConfigurationScores> Scores(IReadOnlyList<string> configurations, IReadOnlyList<Judgement> judgements)
    {
        var scored = judgements.SelectMany(j => new[] { (Variant: j.FirstVariant, Scores: j.First), (Variant: j.SecondVariant, Scores: j.Second) }).ToList();
        return configurations.Select((name, index) =>
        {
            var mine = scored.Where(s => s.Variant == index).Select(s => s.Scores).ToList();
            if (mine.Count == 0)
            {
                return null;
            }

            var axes = Rubric.Axes.ToDictionary(a => a, a => OnScale(Intervals.Mean(mine.Select(s => (double)s[a]).ToList())));
            var overall = OnScale(Intervals.Mean(mine.Select(s => Rubric.Axes.Average(a => (double)s[a])).ToList()));
            return new ConfigurationScores(name, mine.Count, axes, overall);
        }).OfType<ConfigurationScores>().ToList();
    }

    /// <summary>A t interval from few scores can reach past the scale; no mean can, so the interval is cut to 1–5.</summary>
    private static Estimate OnScale(Estimate e) => e with { Lower = Math.Max(1, e.Lower), Upper = Math.Min(5, e.Upper) };

    private static List<PairwiseResult> Pairwise(IReadOnlyList<string> configurations, IReadOnlyList<Judgement> judgements, int overlap, double correlation) =>
        judgements.GroupBy(j => (j.FirstVariant, j.SecondVariant))
            .OrderBy(g => g.Key.FirstVariant).ThenBy(g => g.Key.SecondVariant)
            .Select(g =>
            {
                var list = g.ToList();
                int Count(PairPreference p) => list.Count(j => j.Preference == p);
                var (first, second, ties, bothBad) = (Count(PairPreference.First), Count(PairPreference.Second), Count(PairPreference.Tie), Count(PairPreference.BothBad));
                var winRate = Intervals.Wilson(first + (0.5 * (ties + bothBad)), list.Count);
                return new PairwiseResult(configurations[g.Key.FirstVariant], configurations[g.Key.SecondVariant], list.Count, first, second, ties, bothBad,
                    winRate, Power.Separates(winRate), Power.JudgementsNeeded(winRate.Value, overlap, correlation));
            })
            .ToList();

    private static IReadOnlyList<Strength> Ranking(IReadOnlyList<string> configurations, IReadOnlyList<Judgement> judgements, int resamples)
    {
        var comparisons = judgements.Select(j => ToComparison(configurations, j)).ToList();
        return comparisons.Count == 0 ? [] : BradleyTerry.FitWithIntervals(comparisons, resamples);
    }

    private static List<AgreementResult> Agreements(IReadOnlyList<Judgement> judgements, IReadOnlyList<string> raters)
    {
        var results = Rubric.Axes.Select(axis =>
        {
            // A unit is one answer (item and side); its values are the raters' scores of it on this axis.
            var units = judgements
                .SelectMany(j => new[] { (Unit: (j.Item, 0), j.Rater, Value: j.First[axis]), (Unit: (j.Item, 1), j.Rater, Value: j.Second[axis]) })
                .GroupBy(x => x.Unit)
                .Select(g => g.ToDictionary(x => x.Rater, x => (double)x.Value))
                .ToList();
            return Agree(Rubric.Describe(axis).Name, units, raters, Agreement.Level.Interval);
        }).ToList();

        var preferences = judgements.GroupBy(j => j.Item).Select(g => g.ToDictionary(j => j.Rater, j => (double)(int)j.Preference)).ToList();
        results.Add(Agree(PreferenceMeasure, preferences, raters, Agreement.Level.Nominal));
        return results;
    }

    private static AgreementResult Agree(string measure, IReadOnlyList<Dictionary<string, double>> units, IReadOnlyList<string> raters, Agreement.Level level)
    {
        var shared = units.Where(u => u.Count >= 2).ToList();
        if (raters.Count < 2 || shared.Count == 0)
        {
            return new AgreementResult(measure, raters.Count == 2 ? "Cohen's kappa" : "Krippendorff's alpha", null, shared.Count);
        }

        if (raters.Count == 2)
        {
            var both = shared.Where(u => u.ContainsKey(raters[0]) && u.ContainsKey(raters[1])).ToList();
            return new AgreementResult(measure, "Cohen's kappa",
                Agreement.CohensKappa(both.Select(u => u[raters[0]]).ToList(), both.Select(u => u[raters[1]]).ToList()), both.Count);
        }

        var alpha = Agreement.KrippendorffAlpha(shared.Select(u => (IReadOnlyList<double>)u.Values.ToList()).ToList(), level);
        return new AgreementResult(measure, $"Krippendorff's alpha ({level.ToString().ToLowerInvariant()})", alpha, shared.Count);
    }
}
