using Workbench.Core.Evaluation.Statistics;

namespace Workbench.UnitTests.Evaluation;

public class CampaignStatisticsTests
{
    private static readonly string[] Covariates = ["words", "citations", "sentences"];

    private static double[] RandomStyle(Random random) => [random.Next(50, 400), random.Next(0, 7), random.Next(2, 16)];

    /// <summary>Judgements drawn from the style-controlled model itself, so its known coefficients should come back.</summary>
    private static List<StyledComparison> Simulate(Random random, IReadOnlyDictionary<string, double> beta, double[] gamma, int count, Func<string, Random, double[]> style)
    {
        var names = beta.Keys.ToList();
        return Enumerable.Range(0, count).Select(_ =>
        {
            var first = names[random.Next(names.Count)];
            var second = names.Where(n => n != first).ElementAt(random.Next(names.Count - 1));
            var (a, b) = (style(first, random), style(second, random));
            var logit = beta[first] - beta[second] + gamma.Select((g, k) => g * (a[k] - b[k])).Sum();
            var firstWins = random.NextDouble() < StyleControlledBradleyTerry.Logistic(logit) ? 1.0 : 0.0;
            return new StyledComparison(first, second, firstWins, a, b);
        }).ToList();
    }

    [Fact]
    public void StyleControlledBradleyTerryRecoversKnownCoefficients()
    {
        double[] gamma = [0.004, 0.2, -0.05];
        var beta = new Dictionary<string, double> { ["A"] = 0, ["B"] = 0.5, ["C"] = -0.4 };
        var comparisons = Simulate(new Random(7), beta, gamma, 6000, (_, r) => RandomStyle(r));

        var fit = StyleControlledBradleyTerry.Fit(comparisons, Covariates);

        for (var k = 0; k < gamma.Length; k++)
        {
            var effect = fit.Effects[k];
            Assert.Equal(Covariates[k], effect.Covariate);
            Assert.InRange(gamma[k], effect.PerUnit!.Lower, effect.PerUnit.Upper);
            Assert.Equal(gamma[k], effect.PerUnit.Value, 0.3 * Math.Abs(gamma[k]));
            Assert.Equal(effect.PerUnit.Value * effect.DifferenceStandardDeviation, effect.PerStandardDeviation!.Value, 9);
        }

        // Strengths are exp β normalised: B, A, C with their true shares inside the intervals.
        var total = beta.Values.Sum(Math.Exp);
        Assert.Equal(["B", "A", "C"], fit.Strengths.Select(s => s.Item));
        Assert.All(fit.Strengths, s => Assert.InRange(Math.Exp(beta[s.Item]) / total, s.Lower, s.Upper));
        Assert.Equal(1, fit.Strengths.Sum(s => s.Value), 9);
    }

    [Fact]
    public void StyleControlRemovesTheAdvantageOfLongerAnswers()
    {
        // "Verbose" and "Terse" are equally good; raters favour length and Verbose always writes more.
        var beta = new Dictionary<string, double> { ["Terse"] = 0, ["Verbose"] = 0 };
        var comparisons = Simulate(new Random(11), beta, [0.01, 0, 0], 3000,
            (name, r) => [name == "Verbose" ? r.Next(250, 400) : r.Next(50, 200), r.Next(0, 7), r.Next(2, 16)]);

        var plain = BradleyTerry.Fit(comparisons.Select(c => new Comparison(c.First, c.Second, c.FirstWins)).ToList());
        var styled = StyleControlledBradleyTerry.Fit(comparisons, Covariates);

        Assert.True(plain["Verbose"] > 0.8, $"plain strength {plain["Verbose"]}");
        var verbose = styled.Strengths.Single(s => s.Item == "Verbose");
        Assert.InRange(0.5, verbose.Lower, verbose.Upper);
        Assert.True(styled.Effects[0].PerStandardDeviation!.Lower > 0);
    }

    [Fact]
    public void ACovariateThatNeverDiffersHasNoEffectToReport()
    {
        var comparisons = Simulate(new Random(3), new Dictionary<string, double> { ["A"] = 0, ["B"] = 1 }, [0.004, 0, 0], 400,
            (_, r) => [r.Next(50, 400), 3, r.Next(2, 16)]);

        var effect = StyleControlledBradleyTerry.Fit(comparisons, Covariates).Effects[1];

        Assert.Equal(("citations", 0.0), (effect.Covariate, effect.DifferenceStandardDeviation));
        Assert.Null(effect.PerUnit);
    }

    [Fact]
    public void FisherCombinationFlagsARandomRaterAndNoHonestOne()
    {
        var random = new Random(5);
        var strengths = new Dictionary<string, double> { ["A"] = 0.55, ["B"] = 0.25, ["C"] = 0.13, ["D"] = 0.07 };
        var names = strengths.Keys.ToList();
        var judgements = new List<(string, Comparison)>();
        foreach (var rater in new[] { "honest1", "honest2", "honest3", "random" })
        {
            for (var i = 0; i < 80; i++)
            {
                var first = names[random.Next(4)];
                var second = names.Where(n => n != first).ElementAt(random.Next(3));
                var firstWins = rater == "random"
                    ? random.Next(2)
                    : random.NextDouble() < strengths[first] / (strengths[first] + strengths[second]) ? 1 : 0;
                judgements.Add((rater, new Comparison(first, second, firstWins)));
            }
        }

        var results = RaterAnomaly.Test(judgements).ToDictionary(r => r.Rater);

        Assert.True(results["random"].Anomalous, $"random p = {results["random"].PValue}");
        Assert.All(new[] { "honest1", "honest2", "honest3" }, r => Assert.False(results[r].Anomalous, $"{r} p = {results[r].PValue}"));
        Assert.Equal(80, results["random"].Decisive);
    }

    [Fact]
    public void TiesAreNotTestedForAnomaly()
    {
        var results = RaterAnomaly.Test([("r1", Comparison.Win("A", "B")), ("r2", Comparison.Tie("A", "B")), ("r2", Comparison.Win("A", "B"))]);

        Assert.Equal(1, results.Single(r => r.Rater == "r1").Decisive);
        Assert.Equal(1, results.Single(r => r.Rater == "r2").Decisive);
    }

    [Fact]
    public void ChiSquareSurvivalMatchesKnownValues()
    {
        // df 2: e^{-x/2}; df 4 at x = 9.4877 is the textbook 5% critical value.
        Assert.Equal(Math.Exp(-3), RaterAnomaly.ChiSquareSurvival(6, 2), 12);
        Assert.Equal(0.05, RaterAnomaly.ChiSquareSurvival(9.4877, 4), 4);
        Assert.Equal(0.01, RaterAnomaly.ChiSquareSurvival(63.691, 40), 4);
        Assert.Equal(1, RaterAnomaly.ChiSquareSurvival(0, 10));
    }

    [Fact]
    public void RandomisedPValuesSpanTheOutcomesShare()
    {
        // An unlikely choice (20%) lands in (0, 0.2]; a likely one (80%) in (0.2, 1]; an even one anywhere.
        Assert.Equal(0.1, RaterAnomaly.RandomisedP(0.2, 0.5), 12);
        Assert.Equal(0.2, RaterAnomaly.RandomisedP(0.2, 1), 12);
        Assert.Equal(0.6, RaterAnomaly.RandomisedP(0.8, 0.5), 12);
        Assert.Equal(1, RaterAnomaly.RandomisedP(0.8, 1), 12);
        Assert.Equal(0.3, RaterAnomaly.RandomisedP(0.5, 0.3));
    }

    [Fact]
    public void PowerMatchesTheHandComputedSampleSize()
    {
        // [1.959964 · 0.5 + 0.841621 · √(0.55 · 0.45)]² / 0.05² = 1.398683² / 0.0025 = 782.53 → 783.
        Assert.Equal(783, Power.JudgementsNeeded(0.55));
        Assert.Equal(783, Power.JudgementsNeeded(0.45));
        // Two raters per item agreeing with ρ = 0.5: design effect 1.5, 782.53 · 1.5 = 1173.79 → 1174.
        Assert.Equal(1174, Power.JudgementsNeeded(0.55, overlap: 2, intraItemCorrelation: 0.5));
        // 60% needs far fewer: [0.979982 + 0.841621 · √0.24]² / 0.01 = 193.85 → 194.
        Assert.Equal(194, Power.JudgementsNeeded(0.6));
        Assert.Null(Power.JudgementsNeeded(0.5));
    }

    [Fact]
    public void AWinRateIntervalAcrossFiftyPercentDoesNotSeparate()
    {
        Assert.False(Power.Separates(Intervals.Wilson(11, 20)));
        Assert.True(Power.Separates(Intervals.Wilson(80, 100)));
        Assert.True(Power.Separates(Intervals.Wilson(20, 100)));
    }
}
