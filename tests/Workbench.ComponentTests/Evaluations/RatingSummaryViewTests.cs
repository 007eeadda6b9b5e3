using Workbench.Core.Evaluation;
using Workbench.Web.Components.Evaluations;

namespace Workbench.ComponentTests.Evaluations;

public class RatingSummaryViewTests : ComponentTestContext
{
    [Fact]
    public void SaysSoWhenNothingIsRated() =>
        Assert.Contains("No answer has been rated yet", Render<RatingSummaryView>().Find("#no-ratings").TextContent);

    [Fact]
    public void ShowsTheMeanScoreAndFlagRatesWithIntervals()
    {
        var summaries = RatingSummary.Summarise([("hybrid", 4, RatingFlags.None), ("hybrid", 2, RatingFlags.Unsafe)]);

        var cut = Render<RatingSummaryView>(p => p.Add(c => c.Summaries, summaries));

        var row = cut.Find(".rating-summary-row").TextContent;
        Assert.Contains("hybrid", row);
        Assert.Contains("3.00 [", row);
        Assert.Contains("50", row);
    }
}
