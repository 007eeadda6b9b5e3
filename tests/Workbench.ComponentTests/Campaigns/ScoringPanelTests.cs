using Microsoft.AspNetCore.Components.Web;
using Workbench.Core.Evaluation.Campaigns;
using Workbench.Web.Components.Campaigns;

namespace Workbench.ComponentTests.Campaigns;

public class ScoringPanelTests : ComponentTestContext
{
    private static AskResult ProducedBy(string pipeline, string sentence)
    {
        var answer = Answer([new AnswerSentence(sentence, [1])], [Citation(1, sentence + " Full passage.")]);
        return answer with { Pipeline = answer.Pipeline with { Name = pipeline, Retriever = pipeline + "-retriever" } };
    }

    private static BlindItem Item(BlindJudgement? existing = null) => new(
        Guid.NewGuid(), "Pilot", 2, 6, 2, "What aspirin dose prevents preeclampsia?",
        BlindAnswer.From("A", ProducedBy("secret-config-alpha", "Low-dose aspirin (81 mg/d) after 12 weeks.")),
        BlindAnswer.From("B", ProducedBy("secret-config-beta", "Aspirin is recommended for high-risk pregnancies.")),
        existing, Position: 2, Previous: 5, Next: 0);

    private void Press(IRenderedComponent<ScoringPanel> cut, params string[] keys)
    {
        foreach (var key in keys)
        {
            cut.Find("#scoring-panel").KeyDown(new KeyboardEventArgs { Key = key });
        }
    }

    [Fact]
    public void TheMarkupNamesNoConfiguration()
    {
        var cut = Render<ScoringPanel>(p => p.Add(c => c.Item, Item()));

        Assert.Contains("Low-dose aspirin (81 mg/d)", cut.Markup);
        Assert.Contains("Answer A", cut.Markup);
        Assert.DoesNotContain("secret-config", cut.Markup);
        Assert.DoesNotContain("retriever", cut.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("extractive", cut.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void EveryChoiceCanBeMadeFromTheKeyboard()
    {
        var submitted = new List<JudgementInput>();
        var cut = Render<ScoringPanel>(p => p.Add(c => c.Item, Item()).Add(c => c.OnSubmit, (JudgementInput j) => submitted.Add(j)));

        // Row by row, A then B: accuracy 5/2, completeness 4/3, citation support 5/1, harm 5/2, clarity 4/4.
        Press(cut, "5", "2", "4", "3", "5", "1", "5", "2", "4", "4", "b");
        Press(cut, "ArrowUp", "3");
        Press(cut, "Enter");

        var judgement = Assert.Single(submitted);
        Assert.Equal(2, judgement.Item);
        Assert.Equal(new RubricScores(5, 4, 5, 5, 4), judgement.Left);
        Assert.Equal(new RubricScores(2, 3, 1, 3, 4), judgement.Right);
        Assert.Equal(Preference.Right, judgement.Preference);
    }

    [Fact]
    public void MissingScoresAndPreferenceAreReportedAndNothingIsSubmitted()
    {
        var submitted = new List<JudgementInput>();
        var cut = Render<ScoringPanel>(p => p.Add(c => c.Item, Item()).Add(c => c.OnSubmit, (JudgementInput j) => submitted.Add(j)));

        Press(cut, "5", "5", "Enter");

        Assert.Empty(submitted);
        Assert.Contains("completeness", cut.Find("#error-left").TextContent);
        Assert.Contains("answer B", cut.Find("#error-right").TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("A, B, tie, or both bad", cut.Find("#error-preference").TextContent);
        // The keyboard is sent to the first unscored cell: completeness of answer A.
        var focused = cut.Find(".rubric-focus");
        Assert.Equal("Completeness", focused.GetAttribute("data-axis"));
        Assert.Equal("A", focused.GetAttribute("data-side"));
    }

    [Fact]
    public void AnEarlierJudgementIsShownAndCanBeResubmitted()
    {
        var existing = new BlindJudgement(new RubricScores(1, 2, 3, 4, 5), new RubricScores(5, 4, 3, 2, 1), Preference.Tie, "close call");
        var submitted = new List<JudgementInput>();
        var cut = Render<ScoringPanel>(p => p.Add(c => c.Item, Item(existing)).Add(c => c.OnSubmit, (JudgementInput j) => submitted.Add(j)));

        Assert.NotNull(cut.Find("#already-scored"));
        Assert.Equal("true", cut.Find("[data-preference=Tie]").GetAttribute("aria-pressed"));
        Press(cut, "x", "Enter");

        var judgement = Assert.Single(submitted);
        Assert.Equal(existing.Left, judgement.Left);
        Assert.Equal(Preference.BothBad, judgement.Preference);
        Assert.Equal("close call", judgement.Comment);
    }

    [Fact]
    public void BracketKeysMoveThroughTheRatersOwnQueueOrder()
    {
        var targets = new List<int>();
        var cut = Render<ScoringPanel>(p => p.Add(c => c.Item, Item()).Add(c => c.OnNavigate, (int i) => targets.Add(i)));

        Press(cut, "]", "[");

        // Item 2 is third in this rater's queue, between items 5 and 0.
        Assert.Equal([0, 5], targets);
        Assert.Contains("Item 3 of 6", cut.Find("#queue-position").TextContent);
    }

    [Fact]
    public void TheKeyListIsShownAndQuestionMarkHidesAndShowsIt()
    {
        var cut = Render<ScoringPanel>(p => p.Add(c => c.Item, Item()));
        Assert.False(cut.Find("#shortcuts-keys").HasAttribute("hidden"));
        Assert.Contains("previous or next item", cut.Find("#shortcuts-keys").TextContent);

        Press(cut, "?");
        Assert.True(cut.Find("#shortcuts-keys").HasAttribute("hidden"));
        Assert.Equal("false", cut.Find("#shortcuts-toggle").GetAttribute("aria-expanded"));

        Press(cut, "?");
        Assert.False(cut.Find("#shortcuts-keys").HasAttribute("hidden"));
        Assert.Equal("true", cut.Find("#shortcuts-toggle").GetAttribute("aria-expanded"));
    }
}
