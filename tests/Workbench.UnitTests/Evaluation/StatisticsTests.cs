using Workbench.Core.Evaluation.Statistics;

namespace Workbench.UnitTests.Evaluation;

public class StatisticsTests
{
    [Fact]
    public void CohensKappaMatchesTheTextbookExample()
    {
        // 50 items: both yes 20, A yes/B no 5, A no/B yes 10, both no 15 → po 0.70, pe 0.50, kappa 0.40.
        var a = Enumerable.Repeat("yes", 25).Concat(Enumerable.Repeat("no", 25)).ToList();
        var b = Enumerable.Repeat("yes", 20).Concat(Enumerable.Repeat("no", 5)).Concat(Enumerable.Repeat("yes", 10)).Concat(Enumerable.Repeat("no", 15)).ToList();

        Assert.Equal(0.4, Agreement.CohensKappa(a, b), 6);
        Assert.Equal(1.0, Agreement.CohensKappa(a, a), 6);
    }

    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": four observers, twelve units,
    // missing values; alpha is 0.743 for nominal and 0.849 for interval data.
    private static readonly double?[][] Observers =
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
        [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];

    private static IReadOnlyList<IReadOnlyList<double>> Units =>
        Enumerable.Range(0, 12).Select(u => (IReadOnlyList<double>)Observers.Where(o => o[u] is not null).Select(o => o[u]!.Value).ToList()).ToList();

    [Fact]
    public void KrippendorffsAlphaMatchesThePublishedNominalValue() =>
        Assert.Equal(0.743, Agreement.KrippendorffAlpha(Units, Agreement.Level.Nominal), 3);

    [Fact]
    public void KrippendorffsAlphaMatchesThePublishedIntervalValue() =>
        Assert.Equal(0.849, Agreement.KrippendorffAlpha(Units, Agreement.Level.Interval), 3);

    [Fact]
    public void BradleyTerryOfTwoItemsIsTheirWinShare()
    {
        var comparisons = new[] { Comparison.Win("A", "B"), Comparison.Win("A", "B"), Comparison.Win("A", "B"), Comparison.Win("B", "A") };

        var strengths = BradleyTerry.Fit(comparisons);

        Assert.Equal(0.75, strengths["A"], 6);
        Assert.Equal(0.25, strengths["B"], 6);
    }

    [Fact]
    public void BradleyTerrySatisfiesItsLikelihoodEquations()
    {
        var comparisons = new List<Comparison>();
        void Add(string winner, string loser, int times) => comparisons.AddRange(Enumerable.Repeat(Comparison.Win(winner, loser), times));
        Add("A", "B", 6); Add("B", "A", 4);
        Add("B", "C", 7); Add("C", "B", 3);
        Add("A", "C", 8); Add("C", "A", 2);
        comparisons.Add(Comparison.Tie("A", "C"));

        var p = BradleyTerry.Fit(comparisons);

        // Wins (ties as halves) equal expected wins Σ n_ij p_i / (p_i + p_j) for every item.
        foreach (var item in p.Keys)
        {
            var won = comparisons.Sum(c => c.First == item ? c.FirstWins : c.Second == item ? 1 - c.FirstWins : 0);
            var expected = comparisons.Where(c => c.First == item || c.Second == item)
                .Sum(c => p[item] / (p[item] + p[c.First == item ? c.Second : c.First]));
            Assert.Equal(won, expected, 6);
        }

        Assert.True(p["A"] > p["B"] && p["B"] > p["C"]);
        Assert.Equal(1.0, p.Values.Sum(), 9);
    }

    [Fact]
    public void BootstrapIntervalsContainTheFitAndRankTheStrongestFirst()
    {
        var comparisons = Enumerable.Repeat(Comparison.Win("new", "old"), 14).Concat(Enumerable.Repeat(Comparison.Win("old", "new"), 6)).ToList();

        var ranking = BradleyTerry.FitWithIntervals(comparisons, resamples: 300);

        Assert.Equal(["new", "old"], ranking.Select(s => s.Item));
        Assert.All(ranking, s => Assert.InRange(s.Value, s.Lower, s.Upper));
        Assert.True(ranking[0].Upper - ranking[0].Lower < 0.5);
    }

    [Fact]
    public void WilsonIntervalMatchesTheTextbookValue()
    {
        var estimate = Intervals.Wilson(8, 10);

        Assert.Equal(0.8, estimate.Value, 6);
        Assert.Equal(0.4902, estimate.Lower, 3);
        Assert.Equal(0.9433, estimate.Upper, 3);
    }

    [Fact]
    public void MeanIntervalUsesStudentsT()
    {
        var estimate = Intervals.Mean([1, 2, 3, 4, 5]);

        // sd 1.5811, t(4) 2.776: 3 ± 1.963.
        Assert.Equal(3, estimate.Value, 6);
        Assert.Equal(1.037, estimate.Lower, 3);
        Assert.Equal(4.963, estimate.Upper, 3);
    }

    [Fact]
    public void PairedBootstrapOfTwoQuestionsMatchesItsExactDistribution()
    {
        // Differences 0 and 1: a resampled mean is 0, 0.5 or 1 with probability 1/4, 1/2, 1/4, so both
        // 2.5% tails fall inside the outer values: the interval is [0, 1] around the mean 0.5.
        var estimate = Intervals.PairedBootstrap([0.5, 1.0], [0.5, 0.0]);

        Assert.Equal(0.5, estimate.Value, 10);
        Assert.Equal(0.0, estimate.Lower, 10);
        Assert.Equal(1.0, estimate.Upper, 10);
    }

    [Fact]
    public void PairedBootstrapIsTheNormalIntervalForManyQuestions()
    {
        // 100 differences of +0.1 and −0.1 in turn: mean 0, and a resampled mean has standard deviation
        // 0.1 / √100 = 0.01, so the 95% interval is about ±1.96 × 0.01 = ±0.0196.
        var a = Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? 0.9 : 0.7).ToList();
        var b = Enumerable.Repeat(0.8, 100).ToList();

        var estimate = Intervals.PairedBootstrap(a, b);

        Assert.Equal(0, estimate.Value, 10);
        Assert.InRange(estimate.Lower, -0.022, -0.017);
        Assert.InRange(estimate.Upper, 0.017, 0.022);
    }

    [Fact]
    public void PairedBootstrapOfAConstantDifferenceIsThatDifference()
    {
        var estimate = Intervals.PairedBootstrap([0.9, 0.8, 0.7], [0.8, 0.7, 0.6]);

        Assert.Equal(0.1, estimate.Lower, 10);
        Assert.Equal(0.1, estimate.Upper, 10);
    }

    [Fact]
    public void PairedBootstrapIsTheSameEveryTime() =>
        Assert.Equal(Intervals.PairedBootstrap([0.1, 0.9, 0.4, 0.6], [0.5, 0.5, 0.5, 0.5]), Intervals.PairedBootstrap([0.1, 0.9, 0.4, 0.6], [0.5, 0.5, 0.5, 0.5]));
}
