namespace Workbench.ComponentTests.Answers;

public class AnswerViewTests : ComponentTestContext
{
    private static readonly Citation First = Citation(1, "Use low-dose aspirin (81 mg/day) after 12 weeks of gestation.");
    private static readonly Citation Second = Citation(2, "Aspirin reduces preterm birth.", Source("Second source"));

    private static readonly AskResult Cited = Answer(
        [new AnswerSentence("Use low-dose aspirin (81 mg/day) after 12 weeks of gestation.", [1]), new AnswerSentence("Aspirin reduces preterm birth.", [1, 2])],
        [First, Second]);

    [Fact]
    public void EverySentenceCarriesItsNumberedCitationChips()
    {
        var cut = Render<AnswerView>(p => p.Add(c => c.Answer, Cited));

        var sentences = cut.FindAll(".answer-sentence");
        Assert.Equal(2, sentences.Count);
        Assert.Equal(["1"], sentences[0].QuerySelectorAll(".citation-chip").Select(e => e.GetAttribute("data-citation")));
        Assert.Equal(["1", "2"], sentences[1].QuerySelectorAll(".citation-chip").Select(e => e.GetAttribute("data-citation")));
        Assert.Contains("[2]", sentences[1].TextContent);
        Assert.Equal("Open citation 2: Second source", sentences[1].QuerySelectorAll(".citation-chip")[1].GetAttribute("aria-label"));
    }

    [Fact]
    public void ChoosingACitationChipReportsThatCitation()
    {
        Citation? chosen = null;
        var cut = Render<AnswerView>(p => p.Add(c => c.Answer, Cited).Add(c => c.OnCitationSelected, (Citation c) => chosen = c));

        cut.FindAll(".answer-sentence")[1].QuerySelectorAll(".citation-chip")[1].Click();

        Assert.Equal(Second, chosen);
    }

    [Fact]
    public void AnAbstentionSaysSoAndOffersTheClosestPassagesInsteadOfAnAnswer()
    {
        var abstained = Answer([], [], [Citation(1, "Something nearby."), Citation(2, "Something else.")]);

        var cut = Render<AnswerView>(p => p.Add(c => c.Answer, abstained));

        Assert.Contains("does not contain a passage", cut.Find("#abstention").TextContent);
        Assert.Empty(cut.FindAll("#answer-text"));
        Assert.Equal(2, cut.FindAll(".citation-chip").Count);
        Assert.Contains("Closest passages", cut.Markup);
    }

    [Fact]
    public void EachSupportMarkSaysInWordsWhatItsColourShows()
    {
        var marked = Answer(
        [
            new AnswerSentence("Use low-dose aspirin.", [1], SupportLevel.Supported),
            new AnswerSentence("Start at 12 weeks.", [1], SupportLevel.Partial, "the week is not in the passage"),
            new AnswerSentence("Stop at 36 weeks.", [1], SupportLevel.Unsupported),
        ],
        [First]);

        var cut = Render<AnswerView>(p => p.Add(c => c.Answer, marked));

        Assert.Equal(
            ["Supported by its source.", "Partly supported by its source (the week is not in the passage).", "Not supported by its source."],
            cut.FindAll(".answer-sentence .support-text").Select(e => e.TextContent));
        Assert.All(cut.FindAll(".support-mark"), mark => Assert.Equal("true", mark.GetAttribute("aria-hidden")));
    }
}

