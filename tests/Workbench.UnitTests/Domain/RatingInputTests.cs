namespace Workbench.UnitTests.Domain;

public class RatingInputTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void RejectsAScoreOutsideOneToFive(int score) =>
        Assert.Contains("score", new RatingInput(score, RatingFlags.None, null).Validate().Keys);

    [Fact]
    public void RejectsAnOverlongComment() =>
        Assert.Contains("comment", new RatingInput(3, RatingFlags.None, new string('x', RatingInput.MaxCommentLength + 1)).Validate().Keys);

    [Fact]
    public void AcceptsAScoreWithFlagsAndAComment() =>
        Assert.Empty(new RatingInput(2, RatingFlags.Unsafe | RatingFlags.Outdated, "Dose is from 2010.").Validate());
}
