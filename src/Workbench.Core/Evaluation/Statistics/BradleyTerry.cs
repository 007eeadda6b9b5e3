namespace Workbench.Core.Evaluation.Statistics;

/// <summary>One preference between two configurations; a tie counts half a win to each.</summary>
public sealed record Comparison(string First, string Second, double FirstWins)
{
    public static Comparison Win(string winner, string loser) => new(winner, loser, 1);

    public static Comparison Tie(string a, string b) => new(a, b, 0.5);
}

/// <summary>A configuration's Bradley–Terry strength (normalised to sum 1) with a bootstrap 95% interval.</summary>
public sealed record Strength(string Item, double Value, double Lower, double Upper);

/// <summary>
/// Bradley–Terry model fitted by Hunter's (2004) minorisation–maximisation iterations: each item's
/// strength p_i satisfies W_i = Σ_j n_ij p_i / (p_i + p_j) at the maximum likelihood.
/// </summary>
public static class BradleyTerry
{
    public static IReadOnlyDictionary<string, double> Fit(IReadOnlyList<Comparison> comparisons, int maxIterations = 10_000, double tolerance = 1e-10)
    {
        var items = comparisons.SelectMany(c => new[] { c.First, c.Second }).Distinct().Order(StringComparer.Ordinal).ToList();
        var wins = items.ToDictionary(i => i, _ => 0.0);
        var games = new Dictionary<(string, string), double>();
        foreach (var c in comparisons)
        {
            wins[c.First] += c.FirstWins;
            wins[c.Second] += 1 - c.FirstWins;
            games[(c.First, c.Second)] = games.GetValueOrDefault((c.First, c.Second)) + 1;
            games[(c.Second, c.First)] = games.GetValueOrDefault((c.Second, c.First)) + 1;
        }

        // Only when an item never won or never lost is the MLE degenerate (strength 0 or infinite):
        // then a small pseudo-count per pairing keeps every strength finite.
        var played = items.ToDictionary(i => i, i => games.Where(g => g.Key.Item1 == i).Sum(g => g.Value));
        var prior = items.Any(i => wins[i] == 0 || wins[i] == played[i]) ? 0.01 : 0;
        var strength = items.ToDictionary(i => i, _ => 1.0 / items.Count);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var next = new Dictionary<string, double>();
            foreach (var i in items)
            {
                var denominator = items.Where(j => j != i && games.ContainsKey((i, j)))
                    .Sum(j => (games[(i, j)] + (2 * prior)) / (strength[i] + strength[j]));
                next[i] = (wins[i] + prior * items.Count(j => j != i && games.ContainsKey((i, j)))) / denominator;
            }

            var total = next.Values.Sum();
            var change = items.Max(i => Math.Abs((next[i] / total) - strength[i]));
            strength = items.ToDictionary(i => i, i => next[i] / total);
            if (change < tolerance)
            {
                break;
            }
        }

        return strength;
    }

    /// <summary>Strengths with percentile bootstrap intervals from resampling the comparisons.</summary>
    public static IReadOnlyList<Strength> FitWithIntervals(IReadOnlyList<Comparison> comparisons, int resamples = 1000, int seed = 17)
    {
        var point = Fit(comparisons);
        var random = new Random(seed);
        var samples = point.Keys.ToDictionary(k => k, _ => new List<double>());
        for (var r = 0; r < resamples; r++)
        {
            var resample = Enumerable.Range(0, comparisons.Count).Select(_ => comparisons[random.Next(comparisons.Count)]).ToList();
            var fit = Fit(resample, maxIterations: 2000, tolerance: 1e-8);
            foreach (var (item, list) in samples)
            {
                list.Add(fit.GetValueOrDefault(item));
            }
        }

        return point.OrderByDescending(p => p.Value)
            .Select(p => new Strength(p.Key, p.Value, RetrievalMetrics.Percentile(samples[p.Key], 2.5), RetrievalMetrics.Percentile(samples[p.Key], 97.5)))
            .ToList();
    }
}
