namespace Workbench.ComponentTests.Answers;

public class CitationStepsTests : ComponentTestContext
{
    private static readonly AskResult Cited = Answer(
        [new AnswerSentence("One.", [1]), new AnswerSentence("Two.", [2, 3])],
        [Citation(1, "One."), Citation(2, "Two."), Citation(3, "Three.")]);

    [Theory]
    [InlineData(null, 1, 1)]
    [InlineData(null, -1, 3)]
    [InlineData(1, 1, 2)]
    [InlineData(2, -1, 1)]
    [InlineData(3, 1, 3)]
    [InlineData(1, -1, 1)]
    [InlineData(9, 1, 1)]
    public void StepsFromTheLastOpenedCitationAndStopsAtTheEnds(int? lastOpened, int step, int expected) =>
        Assert.Equal(expected, CitationSteps.Next(Cited, lastOpened, step)?.Number);

    [Fact]
    public void AnAbstentionStepsThroughTheClosestPassages()
    {
        var abstained = Answer([], [], [Citation(4, "Near."), Citation(5, "Nearer.")]);

        Assert.Equal(5, CitationSteps.Next(abstained, 4, 1)?.Number);
        Assert.Null(CitationSteps.Next(Answer([], []), null, 1));
    }
}
