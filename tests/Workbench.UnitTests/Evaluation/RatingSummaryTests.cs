using Workbench.Core.Evaluation;

namespace Workbench.UnitTests.Evaluation;

public class RatingSummaryTests
{
    [Fact]
    public void SummarisesScoresAndFlagRatesPerConfiguration()
    {
        var summaries = RatingSummary.Summarise(
        [
            ("hybrid", 4, RatingFlags.None),
            ("hybrid", 2, RatingFlags.Unsafe | RatingFlags.Incomplete),
            ("hybrid", 3, RatingFlags.Incomplete),
            ("dense", 5, RatingFlags.None),
        ]);

        Assert.Equal(["dense", "hybrid"], summaries.Select(s => s.Configuration));
        var hybrid = summaries[1];
        Assert.Equal(3, hybrid.Ratings);
        Assert.Equal(3.0, hybrid.MeanScore.Value, 6);
        Assert.True(hybrid.MeanScore.Lower < 3 && hybrid.MeanScore.Upper > 3);
        Assert.Equal(1 / 3.0, hybrid.Unsafe.Value, 6);
        Assert.Equal(2 / 3.0, hybrid.Incomplete.Value, 6);
        Assert.Equal(0, hybrid.Outdated.Value);
    }
}
