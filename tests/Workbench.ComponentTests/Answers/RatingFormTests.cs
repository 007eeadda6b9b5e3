namespace Workbench.ComponentTests.Answers;

public class RatingFormTests : ComponentTestContext
{
    [Fact]
    public void SubmittingWithoutAScoreShowsAnErrorAndSavesNothing()
    {
        var submitted = new List<RatingInput>();
        var cut = Render<RatingForm>(p => p.Add(c => c.AnswerId, Guid.NewGuid()).Add(c => c.OnSubmit, (RatingInput r) => submitted.Add(r)));

        cut.Find("#rating-submit").Click();

        Assert.Empty(submitted);
        Assert.Contains("Choose a score", cut.Find("#rating-score-error").TextContent);
    }

    [Fact]
    public void SubmitsTheScoreFlagsAndComment()
    {
        var submitted = new List<RatingInput>();
        var cut = Render<RatingForm>(p => p.Add(c => c.AnswerId, Guid.NewGuid()).Add(c => c.OnSubmit, (RatingInput r) => submitted.Add(r)));

        cut.FindAll("#rating-score .mud-rating-item")[3].Click();
        cut.Find("#flag-unsafe").Change(true);
        cut.Find("#flag-outdated").Change(true);
        cut.Find("#rating-comment").Input("Dose differs from the 2021 statement.");
        cut.Find("#rating-submit").Click();

        var rating = Assert.Single(submitted);
        Assert.Equal(new RatingInput(4, RatingFlags.Unsafe | RatingFlags.Outdated, "Dose differs from the 2021 statement."), rating);
        Assert.Empty(cut.FindAll("#rating-score-error"));
    }

    [Fact]
    public void ShowsAndPrefillsTheSavedRating()
    {
        var saved = new AnswerRating(Guid.NewGuid(), Guid.NewGuid(), 2, RatingFlags.UnsupportedClaim, "Second sentence is not in the source.", DateTimeOffset.UnixEpoch);

        var cut = Render<RatingForm>(p => p.Add(c => c.AnswerId, saved.AnswerId).Add(c => c.Saved, saved).Add(c => c.OnSubmit, (RatingInput _) => { }));

        var shown = cut.Find("#saved-rating").TextContent;
        Assert.Contains("2/5", shown);
        Assert.Contains("unsupported claim", shown);
        Assert.Contains("Second sentence is not in the source.", shown);
        Assert.Equal("Update rating", cut.Find("#rating-submit").TextContent.Trim());
        Assert.Equal("Second sentence is not in the source.", cut.Find("#rating-comment").GetAttribute("value") ?? cut.Find("#rating-comment").TextContent);
    }
}
