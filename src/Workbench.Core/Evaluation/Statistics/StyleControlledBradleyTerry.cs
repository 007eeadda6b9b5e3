namespace Workbench.Core.Evaluation.Statistics;

/// <summary>A comparison with each side's style covariates (same order on both sides); a tie counts half a win to each.</summary>
public sealed record StyledComparison(string First, string Second, double FirstWins, IReadOnlyList<double> FirstStyle, IReadOnlyList<double> SecondStyle);

/// <summary>
/// How much one style covariate moves a preference: the log-odds of winning per unit of difference between
/// the two answers and per standard deviation of that difference (the effect size), each with a 95% interval.
/// Null when the covariate never differs between two compared answers (nothing to estimate).
/// </summary>
public sealed record StyleEffect(string Covariate, double DifferenceStandardDeviation, Estimate? PerUnit, Estimate? PerStandardDeviation);

/// <summary>Strengths once style is accounted for (normalised to sum 1, 95% intervals) and the size of each style effect.</summary>
public sealed record StyleControlledRanking(IReadOnlyList<Strength> Strengths, IReadOnlyList<StyleEffect> Effects);

/// <summary>
/// Bradley–Terry as a logistic regression with style covariates (LMArena's "style control"):
/// logit P(first wins) = β_first − β_second + Σ_k γ_k (x_first,k − x_second,k) / sd_k.
/// Fitted by Newton–Raphson; intervals are Wald intervals from the inverse Fisher information (strengths
/// through the delta method), so they are deterministic and cheap for a handful of configurations.
/// </summary>
public static class StyleControlledBradleyTerry
{
    // A whisper of ridge keeps the fit finite when a configuration never loses (the plain MLE diverges there).
    private const double Ridge = 1e-4;
    private const double Z975 = 1.959964;

    public static StyleControlledRanking Fit(IReadOnlyList<StyledComparison> comparisons, IReadOnlyList<string> covariates, int maxIterations = 100)
    {
        var items = comparisons.SelectMany(c => new[] { c.First, c.Second }).Distinct().Order(StringComparer.Ordinal).ToList();
        if (items.Count < 2)
        {
            return new StyleControlledRanking([], []);
        }

        var index = items.Select((item, i) => (item, i)).ToDictionary(x => x.item, x => x.i);
        var scales = covariates.Select((_, k) => StandardDeviation(comparisons.Select(c => c.FirstStyle[k] - c.SecondStyle[k]).ToList())).ToList();
        var used = Enumerable.Range(0, covariates.Count).Where(k => scales[k] > 0).ToList();

        // Parameters: β for every configuration but the first (its β is 0), then γ for each covariate that varies.
        var parameters = items.Count - 1 + used.Count;
        var rows = comparisons.Select(c =>
        {
            var x = new double[parameters];
            Add(x, index[c.First], 1);
            Add(x, index[c.Second], -1);
            for (var u = 0; u < used.Count; u++)
            {
                var k = used[u];
                x[items.Count - 1 + u] = (c.FirstStyle[k] - c.SecondStyle[k]) / scales[k];
            }

            return (X: x, Y: c.FirstWins);
        }).ToList();

        var theta = new double[parameters];
        var information = new double[parameters, parameters];
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var gradient = new double[parameters];
            information = new double[parameters, parameters];
            for (var p = 0; p < parameters; p++)
            {
                gradient[p] = -Ridge * theta[p];
                information[p, p] = Ridge;
            }

            foreach (var (x, y) in rows)
            {
                var q = Logistic(Dot(x, theta));
                var w = q * (1 - q);
                for (var a = 0; a < parameters; a++)
                {
                    gradient[a] += (y - q) * x[a];
                    for (var b = 0; b < parameters; b++)
                    {
                        information[a, b] += w * x[a] * x[b];
                    }
                }
            }

            var step = Multiply(Invert(information), gradient);
            for (var p = 0; p < parameters; p++)
            {
                theta[p] += step[p];
            }

            if (step.Max(Math.Abs) < 1e-10)
            {
                break;
            }
        }

        var covariance = Invert(information);
        return new StyleControlledRanking(Strengths(items, theta, covariance), covariates.Select((name, k) =>
        {
            var u = used.IndexOf(k);
            if (u < 0)
            {
                return new StyleEffect(name, 0, null, null);
            }

            var p = items.Count - 1 + u;
            var perSd = Wald(theta[p], covariance[p, p]);
            return new StyleEffect(name, scales[k], perSd with { Value = perSd.Value / scales[k], Lower = perSd.Lower / scales[k], Upper = perSd.Upper / scales[k] }, perSd);
        }).ToList());

        void Add(double[] x, int item, double sign)
        {
            if (item > 0)
            {
                x[item - 1] = sign;
            }
        }
    }

    public static double Logistic(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>Strength s_i = exp β_i / Σ exp β_j; its variance by the delta method, ∂s_i/∂β_k = s_i (δ_ik − s_k).</summary>
    private static List<Strength> Strengths(IReadOnlyList<string> items, double[] theta, double[,] covariance)
    {
        var beta = items.Select((_, i) => i == 0 ? 0 : theta[i - 1]).ToList();
        var max = beta.Max();
        var exp = beta.Select(b => Math.Exp(b - max)).ToList();
        var strength = exp.Select(e => e / exp.Sum()).ToList();
        return items.Select((item, i) =>
        {
            // Gradient over the free parameters β_1..β_{m-1} (β_0 is fixed at 0).
            var gradient = Enumerable.Range(1, items.Count - 1).Select(k => strength[i] * ((i == k ? 1 : 0) - strength[k])).ToArray();
            double variance = 0;
            for (var a = 0; a < gradient.Length; a++)
            {
                for (var b = 0; b < gradient.Length; b++)
                {
                    variance += gradient[a] * covariance[a, b] * gradient[b];
                }
            }

            var e = Wald(strength[i], variance);
            return new Strength(item, strength[i], Math.Max(0, e.Lower), Math.Min(1, e.Upper));
        }).OrderByDescending(s => s.Value).ToList();
    }

    private static Estimate Wald(double value, double variance)
    {
        var half = Z975 * Math.Sqrt(Math.Max(0, variance));
        return new Estimate(value, value - half, value + half);
    }

    private static double StandardDeviation(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return 0;
        }

        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();

    private static double[] Multiply(double[,] m, double[] v) =>
        Enumerable.Range(0, v.Length).Select(i => Enumerable.Range(0, v.Length).Sum(j => m[i, j] * v[j])).ToArray();

    /// <summary>Gauss–Jordan inverse with partial pivoting; the matrices here are small and positive definite.</summary>
    private static double[,] Invert(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        var inverse = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            inverse[i, i] = 1;
        }

        for (var column = 0; column < n; column++)
        {
            var pivot = Enumerable.Range(column, n - column).MaxBy(r => Math.Abs(a[r, column]));
            for (var k = 0; k < n; k++)
            {
                (a[column, k], a[pivot, k]) = (a[pivot, k], a[column, k]);
                (inverse[column, k], inverse[pivot, k]) = (inverse[pivot, k], inverse[column, k]);
            }

            var scale = a[column, column];
            for (var k = 0; k < n; k++)
            {
                a[column, k] /= scale;
                inverse[column, k] /= scale;
            }

            for (var r = 0; r < n; r++)
            {
                if (r != column && a[r, column] != 0)
                {
                    var factor = a[r, column];
                    for (var k = 0; k < n; k++)
                    {
                        a[r, k] -= factor * a[column, k];
                        inverse[r, k] -= factor * inverse[column, k];
                    }
                }
            }
        }

        return inverse;
    }
}
