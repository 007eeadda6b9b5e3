namespace Workbench.Core.Evaluation.Campaigns;

/// <summary>
/// Which raters score which items when each item needs only <c>k</c> of them (overlap). Items are dealt in a
/// seeded shuffled order round the raters, k at a time, so every item gets exactly k different raters and
/// loads differ by at most one; each rater then works through their items in their own seeded order.
/// </summary>
public static class CampaignAssignment
{
    public static IReadOnlyList<(int Item, string Rater)> Assign(int items, IReadOnlyList<string> raters, int overlap, string seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(overlap, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(overlap, raters.Count);
        var dealt = Enumerable.Range(0, items).OrderBy(i => Blinding.Rank(seed, i, string.Empty)).ToList();
        var assignments = new List<(int, string)>(items * overlap);
        for (var position = 0; position < dealt.Count; position++)
        {
            for (var j = 0; j < overlap; j++)
            {
                assignments.Add((dealt[position], raters[((position * overlap) + j) % raters.Count]));
            }
        }

        return assignments;
    }

    /// <summary>A rater's items in the order they are shown: the same on every visit, different for every rater.</summary>
    public static IReadOnlyList<int> Queue(IEnumerable<int> items, string rater, string seed) =>
        items.OrderBy(i => Blinding.Rank(seed, i, rater)).ThenBy(i => i).ToList();

    /// <summary>
    /// Work a rater joining an open campaign takes over: unscored assignments moved from the most loaded raters,
    /// never an item the newcomer already has, until the newcomer's load matches the others' remaining work.
    /// </summary>
    public static IReadOnlyList<(int Item, string From)> ShareWith(string newcomer, IReadOnlyList<(int Item, string Rater)> assignments, IReadOnlySet<(int Item, string Rater)> scored)
    {
        var remaining = assignments.Where(a => !scored.Contains(a)).GroupBy(a => a.Rater, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Item).ToList(), StringComparer.Ordinal);
        var target = remaining.Values.Sum(v => v.Count) / (remaining.Count + 1);
        var taken = new HashSet<int>();
        var moves = new List<(int, string)>();
        while (moves.Count < target)
        {
            var donor = remaining.Where(r => r.Value.Any(i => !taken.Contains(i))).OrderByDescending(r => r.Value.Count).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Key).FirstOrDefault();
            if (donor is null || remaining[donor].Count <= moves.Count)
            {
                break;
            }

            var item = remaining[donor].First(i => !taken.Contains(i));
            remaining[donor].Remove(item);
            taken.Add(item);
            moves.Add((item, donor));
        }

        return moves;
    }
}
