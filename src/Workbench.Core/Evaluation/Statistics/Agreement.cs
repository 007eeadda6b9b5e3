namespace Workbench.Core.Evaluation.Statistics;

/// <summary>Inter-rater agreement: Cohen's kappa for two raters, Krippendorff's alpha for any number.</summary>
public static class Agreement
{
    /// <summary>Cohen's kappa for two raters' labels of the same items, in the same order.</summary>
    public static double CohensKappa<T>(IReadOnlyList<T> first, IReadOnlyList<T> second)
        where T : notnull
    {
        if (first.Count != second.Count || first.Count == 0)
        {
            throw new ArgumentException("both raters must label the same, non-empty list of items");
        }

        var n = (double)first.Count;
        var observed = first.Zip(second).Count(p => EqualityComparer<T>.Default.Equals(p.First, p.Second)) / n;
        var expected = first.Concat(second).Distinct()
            .Sum(label => first.Count(x => x.Equals(label)) / n * (second.Count(x => x.Equals(label)) / n));
        return expected == 1 ? 1 : (observed - expected) / (1 - expected);
    }

    public enum Level
    {
        Nominal,
        Interval,
    }

    /// <summary>
    /// Krippendorff's alpha. <paramref name="units"/> holds, per unit (item), the values the raters gave
    /// it; raters who did not rate a unit are simply absent. Units with fewer than two values are ignored.
    /// </summary>
    public static double KrippendorffAlpha(IReadOnlyList<IReadOnlyList<double>> units, Level level)
    {
        Func<double, double, double> distance = level == Level.Nominal
            ? (a, b) => a == b ? 0 : 1
            : (a, b) => (a - b) * (a - b);
        var pairable = units.Where(u => u.Count >= 2).ToList();
        var n = pairable.Sum(u => u.Count);
        if (n < 2)
        {
            throw new ArgumentException("alpha needs at least one unit rated twice", nameof(units));
        }

        // Observed disagreement: within units, each pair of values weighted by 1 / (values in unit - 1).
        var observed = pairable.Sum(u =>
        {
            double sum = 0;
            for (var i = 0; i < u.Count; i++)
            {
                for (var j = 0; j < u.Count; j++)
                {
                    if (i != j)
                    {
                        sum += distance(u[i], u[j]);
                    }
                }
            }

            return sum / (u.Count - 1);
        }) / n;

        // Expected disagreement: between all pairable values regardless of unit.
        var values = pairable.SelectMany(u => u).ToList();
        double expectedSum = 0;
        for (var i = 0; i < values.Count; i++)
        {
            for (var j = 0; j < values.Count; j++)
            {
                if (i != j)
                {
                    expectedSum += distance(values[i], values[j]);
                }
            }
        }

        var expected = expectedSum / (n * (n - 1.0));
        return expected == 0 ? 1 : 1 - (observed / expected);
    }
}
