using Workbench.Core.Evaluation.Statistics;

namespace Workbench.Core.Evaluation.Campaigns;

public static class RaterQualityPanel
{
    /// <summary>Flat judgements in a row from which a rater is flagged as straight-lining.</summary>
    public const int FlatRunThreshold = 5;

    /// <summary>Check pass rate below which a rater is flagged and offered for exclusion.</summary>
    public const double CheckPassThreshold = 0.7;

    /// <summary>A gap between two submissions longer than this is a break, not time spent on the item.</summary>
    public const double BreakSeconds = 30 * 60;

    public static IReadOnlyList<RaterQuality> Compute(IReadOnlyList<string> configurations, IReadOnlyList<Judgement> judgements, IReadOnlyList<(Judgement Judgement, bool Passed)> checks)
    {
        var anomalies = RaterAnomaly.Test(judgements.Select(j => (j.Rater, CampaignResults.ToComparison(configurations, j))).ToList())
            .ToDictionary(a => a.Rater, StringComparer.Ordinal);
        var byItem = judgements.ToLookup(j => j.Item);
        return judgements.Concat(checks.Select(c => c.Judgement)).Select(j => j.Rater).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(rater =>
        {
            var mine = judgements.Where(j => j.Rater == rater).ToList();
            var myChecks = checks.Where(c => c.Judgement.Rater == rater).ToList();
            var (agreement, units) = AgreementWithOthers(rater, mine, byItem);
            return new RaterQuality(rater, mine.Count + myChecks.Count, MedianSeconds([.. mine, .. myChecks.Select(c => c.Judgement)]), LongestFlatRun(mine),
                agreement, units, myChecks.Count, myChecks.Count(c => c.Passed), anomalies.GetValueOrDefault(rater));
        }).ToList();
    }

    private static double? MedianSeconds(IReadOnlyList<Judgement> judgements)
    {
        var times = judgements.Select(j => j.SubmittedAt).Order().ToList();
        var gaps = times.Zip(times.Skip(1), (a, b) => (b - a).TotalSeconds).Where(s => s <= BreakSeconds).Order().ToList();
        return gaps.Count == 0 ? null : gaps.Count % 2 == 1 ? gaps[gaps.Count / 2] : (gaps[(gaps.Count / 2) - 1] + gaps[gaps.Count / 2]) / 2;
    }

    private static int LongestFlatRun(IReadOnlyList<Judgement> judgements)
    {
        int longest = 0, run = 0;
        foreach (var j in judgements.OrderBy(j => j.SubmittedAt))
        {
            var scores = Rubric.Axes.SelectMany(a => new[] { j.First[a], j.Second[a] }).ToList();
            run = scores.All(s => s == scores[0]) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    /// <summary>Kappa between the rater's preferences and the others' majority on the same items (items with no single majority left out).</summary>
    private static (double? Kappa, int Units) AgreementWithOthers(string rater, IReadOnlyList<Judgement> mine, ILookup<int, Judgement> byItem)
    {
        var pairs = mine.Select(j =>
        {
            var majority = byItem[j.Item].Where(o => o.Rater != rater).GroupBy(o => o.Preference).Select(g => (g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ToList();
            return majority.Count == 0 || (majority.Count > 1 && majority[0].Count == majority[1].Count) ? ((PairPreference, PairPreference)?)null : (j.Preference, majority[0].Key);
        }).OfType<(PairPreference Mine, PairPreference Others)>().ToList();
        return pairs.Count == 0 ? (null, 0) : (Agreement.CohensKappa(pairs.Select(p => p.Mine).ToList(), pairs.Select(p => p.Others).ToList()), pairs.Count);
    }
}
