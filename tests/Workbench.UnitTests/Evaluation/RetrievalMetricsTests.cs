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
