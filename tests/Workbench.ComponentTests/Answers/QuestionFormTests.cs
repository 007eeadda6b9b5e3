namespace Workbench.ComponentTests.Answers;

public class QuestionFormTests : ComponentTestContext
{
    [Fact]
    public void CtrlEnterAsksTheQuestionWithItsFilters()
    {
        QuestionSubmission? asked = null;
        var cut = Render<QuestionForm>(p => p.Add(c => c.OnAsk, (QuestionSubmission s) => asked = s));

        cut.Find("#question-input").Input("When should statins start?");
        cut.Find("#filter-specialty").Change("cardiology");
        // MudBlazor applies typed values on the renderer's schedule; press the keys once both have landed, as a person would.
        cut.WaitForState(() => Value(cut, "#question-input") == "When should statins start?" && Value(cut, "#filter-specialty") == "cardiology");
        cut.Find("#question-input").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter", CtrlKey = true });

        // The key handler also runs on the renderer's schedule: on a busy machine the question arrives after KeyDown returns.
        cut.WaitForAssertion(() => Assert.NotNull(asked));
        Assert.NotNull(asked);
        Assert.Equal("When should statins start?", asked.Question);
        Assert.Equal(new SearchFilters(null, "cardiology", null, null), asked.Filters);
        Assert.Equal(5, asked.TopK);
    }

    private static string? Value(IRenderedComponent<QuestionForm> cut, string selector)
    {
        var element = cut.Find(selector);
        return element.GetAttribute("value") ?? element.TextContent;
    }

    [Fact]
    public void ShowsTheValidationMessageItIsGiven()
    {
        var cut = Render<QuestionForm>(p => p.Add(c => c.OnAsk, (QuestionSubmission _) => { }).Add(c => c.Error, "Type a question first."));

        Assert.Contains("Type a question first.", cut.Markup);
    }

    [Fact]
    public void TheAskButtonIsDisabledWhileBusy()
    {
        var cut = Render<QuestionForm>(p => p.Add(c => c.OnAsk, (QuestionSubmission _) => { }).Add(c => c.Busy, true));

        Assert.True(cut.Find("#ask-button").HasAttribute("disabled"));
    }
}
