namespace Workbench.Core.Evaluation.Statistics;

/// <summary>
/// How surprising a rater's preferences are under the consensus of the others: <paramref name="Decisive"/>
/// judgements tested (ties carry no direction and are left out), Fisher's statistic −2 Σ ln p and its
/// combined p-value; <paramref name="Anomalous"/> when that p-value is below <see cref="RaterAnomaly.Threshold"/>.
/// </summary>
public sealed record RaterAnomalyResult(string Rater, int Decisive, double FisherStatistic, double PValue, bool Anomalous);

/// <summary>
/// Anomalous raters after Chiang et al. 2024 (arXiv 2403.04132 §5.1): each judgement gets a p-value under a
/// Bradley–Terry model fitted to the other raters' judgements (leave-one-out, so a rater cannot vouch for
/// themselves), and the p-values are combined with Fisher's method. A binary outcome's plain p-value is 1
/// for every expected choice, which makes Fisher's method blind; the randomised p-value P(more extreme) +
/// U·P(as extreme) is exactly uniform under the model, so −2 Σ ln p is χ² with 2n degrees of freedom and
/// the threshold means what it says. U comes from a seeded generator: the same judgements give the same flags.
/// </summary>
public static class RaterAnomaly
{
    /// <summary>Combined p-value below which a rater is flagged.</summary>
    public const double Threshold = 0.01;

    public static IReadOnlyList<RaterAnomalyResult> Test(IReadOnlyList<(string Rater, Comparison Comparison)> judgements, int seed = 17)
    {
        var random = new Random(seed);
        return judgements.Select(j => j.Rater).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(rater =>
        {
            var others = judgements.Where(j => j.Rater != rater).Select(j => j.Comparison).ToList();
            var consensus = others.Count == 0 ? new Dictionary<string, double>() : BradleyTerry.Fit(others);
            var pValues = judgements
                .Where(j => j.Rater == rater && j.Comparison.FirstWins is 0 or 1
                    && consensus.ContainsKey(j.Comparison.First) && consensus.ContainsKey(j.Comparison.Second))
                .Select(j =>
                {
                    var (winner, loser) = j.Comparison.FirstWins == 1 ? (j.Comparison.First, j.Comparison.Second) : (j.Comparison.Second, j.Comparison.First);
                    return RandomisedP(consensus[winner] / (consensus[winner] + consensus[loser]), 1 - random.NextDouble());
                })
                .ToList();
            var statistic = -2 * pValues.Sum(Math.Log);
            var p = pValues.Count == 0 ? 1 : ChiSquareSurvival(statistic, 2 * pValues.Count);
            return new RaterAnomalyResult(rater, pValues.Count, statistic, p, p < Threshold);
        }).ToList();
    }

    /// <summary>
    /// The randomised p-value of a binary outcome the model gives probability <paramref name="chosen"/>, for
    /// <paramref name="uniform"/> in (0, 1]: the other outcome is more extreme when the chosen one is the likelier.
    /// </summary>
    public static double RandomisedP(double chosen, double uniform) => chosen switch
    {
        < 0.5 => uniform * chosen,
        > 0.5 => 1 - chosen + (uniform * chosen),
        _ => uniform,
    };

    /// <summary>P(χ²_df ≥ x) for even df, exactly: e^{−x/2} Σ_{k&lt;df/2} (x/2)^k / k!, summed in log space.</summary>
    public static double ChiSquareSurvival(double x, int df)
    {
        if (df <= 0 || df % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(df), "Fisher's statistic has an even number of degrees of freedom");
        }

        if (x <= 0)
        {
            return 1;
        }

        var half = x / 2;
        var term = -half;
        var logSum = term;
        for (var k = 1; k < df / 2; k++)
        {
            term += Math.Log(half) - Math.Log(k);
            logSum = Math.Max(logSum, term) + Math.Log(1 + Math.Exp(-Math.Abs(logSum - term)));
        }

        return Math.Min(1, Math.Exp(logSum));
    }
}
