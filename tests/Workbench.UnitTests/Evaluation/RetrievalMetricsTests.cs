using Workbench.Core.Evaluation;

namespace Workbench.UnitTests.Evaluation;

public class RetrievalMetricsTests
{
    private static readonly string[] Ranking = ["a", "b", "c", "d"];
    private static readonly HashSet<string> Relevant = ["b", "d"];

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 0.5)]
    [InlineData(4, 1.0)]
    [InlineData(10, 1.0)]
    public void RecallIsTheShareOfRelevantItemsInTheTopK(int k, double expected) =>
        Assert.Equal(expected, RetrievalMetrics.RecallAt(Ranking, Relevant, k), 6);

    [Fact]
    public void ReciprocalRankIsOneOverTheFirstRelevantRank()
    {
        Assert.Equal(0.5, RetrievalMetrics.ReciprocalRankAt(Ranking, Relevant, 10), 6);
        Assert.Equal(0.0, RetrievalMetrics.ReciprocalRankAt(Ranking, Relevant, 1), 6);
    }

    [Fact]
    public void NdcgMatchesTheHandComputedValue()
    {
        // DCG = 1/log2(3) + 1/log2(5) = 0.630930 + 0.430677; ideal = 1 + 1/log2(3) = 1.630930.
        Assert.Equal(1.061606 / 1.630930, RetrievalMetrics.NdcgAt(Ranking, Relevant, 10), 5);
        Assert.Equal(1.0, RetrievalMetrics.NdcgAt(["b", "d", "a"], Relevant, 10), 6);
        Assert.Equal(0.0, RetrievalMetrics.NdcgAt(["a", "c"], Relevant, 10), 6);
    }

    [Fact]
    public void GradedNdcgMatchesTheHandComputedValue()
    {
        // Gains a = 2, c = 1, e = 2 (e not retrieved). DCG = 2/log2(2) + 1/log2(4) = 2 + 0.5 = 2.5;
        // ideal = 2/log2(2) + 2/log2(3) + 1/log2(4) = 2 + 1.261860 + 0.5 = 3.761860.
        var gains = new Dictionary<string, double> { ["a"] = 2, ["c"] = 1, ["e"] = 2 };

        Assert.Equal(2.5 / 3.761860, RetrievalMetrics.NdcgAt(["a", "b", "c", "d"], gains, 10), 5);
        // Only the first two count at k = 2: DCG = 2; ideal = 2 + 2/log2(3) = 3.261860.
        Assert.Equal(2 / 3.261860, RetrievalMetrics.NdcgAt(["a", "b", "c", "d"], gains, 2), 5);
        Assert.Equal(1.0, RetrievalMetrics.NdcgAt(["e", "a", "c"], gains, 10), 6);
    }

    [Fact]
    public void GainsOfOneGiveTheBinaryNdcg() =>
        Assert.Equal(RetrievalMetrics.NdcgAt(Ranking, Relevant, 10), RetrievalMetrics.NdcgAt(Ranking, Relevant.ToDictionary(r => r, _ => 1.0), 10), 10);

    [Fact]
    public void PercentilesUseTheNearestRank()
    {
        double[] samples = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];

        Assert.Equal(5, RetrievalMetrics.Percentile(samples, 50));
        Assert.Equal(10, RetrievalMetrics.Percentile(samples, 95));
        Assert.Equal(0, RetrievalMetrics.Percentile([], 50));
    }

    [Fact]
    public void ManyPassagesOfOneDocumentCountAsTheDocumentOnce() =>
        Assert.Equal(["d1", "d2", "d3"], RetrievalMetrics.Distinct(["d1", "d1", "d2", "d1", "d3"]));
}
