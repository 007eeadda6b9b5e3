namespace Workbench.Core.Evaluation.Statistics;

/// <summary>A point estimate with its 95% interval.</summary>
public sealed record Estimate(double Value, double Lower, double Upper);

public static class Intervals
{
    // Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom.
    private static readonly double[] StudentT975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>Mean with a t-based 95% confidence interval (a single value has no interval: its own value).</summary>
    public static Estimate Mean(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("no values", nameof(values));
        }

        var mean = values.Average();
        if (values.Count == 1)
        {
            return new Estimate(mean, mean, mean);
        }

        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        var df = values.Count - 1;
        var t = df <= StudentT975.Length ? StudentT975[df - 1] : 1.96;
        var half = t * sd / Math.Sqrt(values.Count);
        return new Estimate(mean, mean - half, mean + half);
    }

    /// <summary>A proportion with its Wilson score 95% interval (sound near 0 and 1 and for small n).</summary>
    public static Estimate Wilson(double successes, int trials)
    {
        if (trials <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(trials), "needs at least one trial");
        }

        const double z = 1.959964;
        var p = successes / trials;
        var denominator = 1 + (z * z / trials);
        var centre = (p + (z * z / (2 * trials))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / trials) + (z * z / (4.0 * trials * trials))) / denominator;
        return new Estimate(p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>
    /// The mean of the paired differences <c>a[i] − b[i]</c> with a percentile bootstrap 95% interval:
    /// the questions are resampled with replacement, the same ones for both systems, so what varies from
    /// question to question cancels. Seeded, so a report is the same every time it is computed.
    /// </summary>
    public static Estimate PairedBootstrap(IReadOnlyList<double> a, IReadOnlyList<double> b, int resamples = 10_000, int seed = 2019)
    {
        if (a.Count != b.Count || a.Count == 0)
        {
            throw new ArgumentException("needs the same, non-zero number of paired values", nameof(b));
        }

        var differences = a.Zip(b, (x, y) => x - y).ToArray();
        var random = new Random(seed);
        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var sum = 0.0;
            for (var i = 0; i < differences.Length; i++)
            {
                sum += differences[random.Next(differences.Length)];
            }

            means[r] = sum / differences.Length;
        }

        Array.Sort(means);
        return new Estimate(differences.Average(), means[(int)Math.Floor(0.025 * (resamples - 1))], means[(int)Math.Ceiling(0.975 * (resamples - 1))]);
    }
}
