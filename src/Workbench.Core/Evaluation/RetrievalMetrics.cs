namespace Workbench.Core.Evaluation;

/// <summary>Ranking metrics for one question: binary relevance, and graded for nDCG.</summary>
public static class RetrievalMetrics
{
    /// <summary>Share of the relevant items found in the first <paramref name="k"/> of the ranking.</summary>
    public static double RecallAt(IReadOnlyList<string> ranking, IReadOnlySet<string> relevant, int k) =>
        relevant.Count == 0 ? 0 : (double)ranking.Take(k).Count(relevant.Contains) / relevant.Count;

    /// <summary>1 / rank of the first relevant item within the first <paramref name="k"/>, else 0.</summary>
    public static double ReciprocalRankAt(IReadOnlyList<string> ranking, IReadOnlySet<string> relevant, int k)
    {
        for (var i = 0; i < Math.Min(k, ranking.Count); i++)
        {
            if (relevant.Contains(ranking[i]))
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    /// <summary>Normalised discounted cumulative gain at <paramref name="k"/> (gain 1 per relevant item, log2 discount).</summary>
    public static double NdcgAt(IReadOnlyList<string> ranking, IReadOnlySet<string> relevant, int k) =>
        NdcgAt(ranking, relevant.ToDictionary(item => item, _ => 1.0), k);

    /// <summary>nDCG at <paramref name="k"/> with graded gains (linear gain, log2 discount; the ideal ranks the largest gains first).</summary>
    public static double NdcgAt(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, double> gains, int k)
    {
        var dcg = ranking.Take(k).Select((item, i) => gains.GetValueOrDefault(item) / Math.Log2(i + 2)).Sum();
        var ideal = gains.Values.OrderDescending().Take(k).Select((gain, i) => gain / Math.Log2(i + 2)).Sum();
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /// <summary>The value below which <paramref name="percentile"/> percent of the samples fall (nearest rank).</summary>
    public static double Percentile(IReadOnlyList<double> samples, double percentile)
    {
        if (samples.Count == 0)
        {
            return 0;
        }

        var sorted = samples.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>Items in first-seen order: many passages of one document count as the document once.</summary>
    public static IReadOnlyList<string> Distinct(IEnumerable<string> ranking) => ranking.Distinct().ToList();
}
