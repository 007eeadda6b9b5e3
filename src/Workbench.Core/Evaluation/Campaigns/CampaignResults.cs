using Workbench.Core.Evaluation.Statistics;

namespace Workbench.Core.Evaluation.Campaigns;

/// <summary>A configuration's mean score on each rubric axis, with 95% intervals.</summary>
public sealed record ConfigurationScores(string Configuration, int Judged, IReadOnlyDictionary<RubricAxis, Estimate> Axes, Estimate Overall);

/// <summary>How one configuration fared against another: its win rate (ties and "both bad" count half) with a Wilson interval.</summary>
public sealed record PairwiseResult(string First, string Second, int Comparisons, int FirstWins, int SecondWins, int Ties, int BothBad, Estimate FirstWinRate);

/// <summary>Inter-rater agreement on one rubric axis or on the preference: kappa for two raters, alpha for more.</summary>
public sealed record AgreementResult(string Measure, string Method, double? Value, int Units);

public sealed record CampaignResultsReport(
    int Judgements,
    int Raters,
    IReadOnlyList<ConfigurationScores> Scores,
    IReadOnlyList<PairwiseResult> Pairwise,
    IReadOnlyList<Strength> Ranking,
    IReadOnlyList<AgreementResult> Agreement);

/// <summary>Everything the results view shows, computed from unblinded judgements.</summary>
public static class CampaignResults
{
    public static CampaignResultsReport Compute(IReadOnlyList<string> configurations, IReadOnlyList<Judgement> judgements, int bootstrapResamples = 1000)
    {
        var raters = judgements.Select(j => j.Rater).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new CampaignResultsReport(
            judgements.Count,
            raters.Count,
            Scores(configurations, judgements),
            Pairwise(configurations, judgements),
            Ranking(configurations, judgements, bootstrapResamples),
            Agreements(judgements, raters));
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

    private static List<PairwiseResult> Pairwise(IReadOnlyList<string> configurations, IReadOnlyList<Judgement> judgements) =>
        judgements.GroupBy(j => (j.FirstVariant, j.SecondVariant))
            .OrderBy(g => g.Key.FirstVariant).ThenBy(g => g.Key.SecondVariant)
            .Select(g =>
            {
                var list = g.ToList();
                int Count(PairPreference p) => list.Count(j => j.Preference == p);
                var (first, second, ties, bothBad) = (Count(PairPreference.First), Count(PairPreference.Second), Count(PairPreference.Tie), Count(PairPreference.BothBad));
                return new PairwiseResult(configurations[g.Key.FirstVariant], configurations[g.Key.SecondVariant], list.Count, first, second, ties, bothBad,
                    Intervals.Wilson(first + (0.5 * (ties + bothBad)), list.Count));
            })
            .ToList();

    private static IReadOnlyList<Strength> Ranking(IReadOnlyList<string> configurations, IReadOnlyList<Judgement> judgements, int resamples)
    {
        var comparisons = judgements.Select(j => j.Preference switch
        {
            PairPreference.First => Comparison.Win(configurations[j.FirstVariant], configurations[j.SecondVariant]),
            PairPreference.Second => Comparison.Win(configurations[j.SecondVariant], configurations[j.FirstVariant]),
            _ => Comparison.Tie(configurations[j.FirstVariant], configurations[j.SecondVariant]),
        }).ToList();
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
        results.Add(Agree("Overall preference", preferences, raters, Agreement.Level.Nominal));
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
