using System.Globalization;
using Workbench.Core.Evaluation.Statistics;

namespace Workbench.Core.Evaluation.Campaigns;

/// <summary>
/// Which pair of configurations a rater's next item compares when a campaign has more than two. Pairs are
/// ordered by what a judgement would tell: first the pairs adjacent in the current Bradley–Terry ranking
/// (from every rater's judgements so far, check items left out), the least certain first — the fewest
/// standard errors between the pair's modelled win probability and 50 % given the judgements that compared
/// the two directly, 2·|p − ½|·√n — then the fewest judgements; after them the pairs that are not adjacent,
/// fewest judgements first. Every item stays in every queue, so a rater who finishes still scores every
/// pair; a campaign closed early has spent its judgements where they decide the ranking.
/// </summary>
public static class PairChoice
{
    /// <summary>Differences smaller than this are the fit's numerical noise, not information about the pair.</summary>
    private const int Digits = 6;

    /// <summary>Pair indices (as in <see cref="CampaignSummary.Pair"/>) from the most to the least informative.</summary>
    public static IReadOnlyList<int> Priority(int variants, IReadOnlyList<(int First, int Second, PairPreference Preference)> judgements)
    {
        var pairs = CampaignSummary.PairCount(variants);
        var names = Enumerable.Range(0, variants).Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList();
        var strengths = judgements.Count == 0
            ? new Dictionary<string, double>()
            : BradleyTerry.Fit(judgements.Select(j => CampaignResults.ToComparison(names, j.First, j.Second, j.Preference)).ToList());
        var counts = judgements.CountBy(j => CampaignSummary.PairIndex(variants, j.First, j.Second)).ToDictionary();
        int Count(int pair) => counts.GetValueOrDefault(pair);

        // Configurations nobody has judged yet have no strength: they rank below the others, in their own order.
        var ranking = Enumerable.Range(0, variants).OrderByDescending(v => Math.Round(strengths.GetValueOrDefault(names[v], -1), Digits)).ThenBy(v => v).ToList();
        var adjacent = ranking.Zip(ranking.Skip(1), (upper, lower) =>
            {
                var pair = CampaignSummary.PairIndex(variants, upper, lower);
                var p = strengths.TryGetValue(names[upper], out var a) && strengths.TryGetValue(names[lower], out var b) ? a / (a + b) : 0.5;
                return (Pair: pair, Certainty: Math.Round(2 * Math.Abs(p - 0.5) * Math.Sqrt(Count(pair)), Digits));
            })
            .OrderBy(x => x.Certainty).ThenBy(x => Count(x.Pair))
            .Select(x => x.Pair).ToList();
        return [.. adjacent, .. Enumerable.Range(0, pairs).Except(adjacent).OrderBy(Count).ThenBy(p => p)];
    }

    /// <summary>
    /// The rater's next unscored item: of those after <paramref name="after"/> in their queue and then from its
    /// start, the first whose pair comes earliest in <paramref name="priority"/>. With two configurations (one
    /// pair) that is simply the next unscored item in the rater's order.
    /// </summary>
    public static int? Next(IReadOnlyList<int> queue, IReadOnlySet<int> scored, int variants, IReadOnlyList<int> priority, int? after = null)
    {
        var pairs = CampaignSummary.PairCount(variants);
        var rank = priority.Select((pair, position) => (pair, position)).ToDictionary(x => x.pair, x => x.position);
        var start = after is { } previous ? queue.TakeWhile(i => i != previous).Count() + 1 : 0;
        return queue.Skip(start).Concat(queue.Take(start)).Where(i => !scored.Contains(i))
            .OrderBy(i => rank.GetValueOrDefault(i % pairs, int.MaxValue))
            .Cast<int?>().FirstOrDefault();
    }
}
