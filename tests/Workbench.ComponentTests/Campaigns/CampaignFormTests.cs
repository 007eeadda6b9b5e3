using Workbench.Core.Evaluation.Campaigns;
using Workbench.Core.Retrieval;
using Workbench.Web.Components.Campaigns;

namespace Workbench.ComponentTests.Campaigns;

public class CampaignFormTests : ComponentTestContext
{
    private static readonly PipelineVariant[] Configurations =
    [
        new("default", 1, RetrieverKind.Hybrid, RerankerKind.Lexical, 5),
        new("dense-only", 1, RetrieverKind.Dense, RerankerKind.None, 5),
    ];

    [Fact]
    public void SendsWhatWasFilledInAndShowsQuestionErrorsByLine()
    {
        var requests = new List<CampaignRequest>();
        var cut = Render<CampaignForm>(p => p.Add(c => c.Configurations, Configurations).Add(c => c.Create, request =>
        {
            requests.Add(request);
            return Task.FromResult(new CampaignCreation(null, new Dictionary<string, string> { ["questions"] = "The question set has 1 problem(s); nothing was imported." },
                [new QuestionSetError(3, "not valid JSON")]));
        }));

        cut.Find("#campaign-name").Change("Pilot");
        cut.FindAll("[data-configuration]").ToList().ForEach(box => box.Change(true));
        cut.Find("#campaign-raters").Change("ana, ben");
        cut.Find("#campaign-questions").Change("Who?\nWhat?");
        cut.Find("#campaign-create").Click();

        // The button's handler may finish after Click returns when the machine is busy.
        cut.WaitForAssertion(() => Assert.Single(requests));
        var request = requests[0];
        Assert.Equal(("Pilot", QuestionSetFormat.Lines), (request.Name, request.Format));
        Assert.Equal(["default", "dense-only"], request.Configurations);
        Assert.Equal(["ana", "ben"], request.Raters);
        Assert.Equal("Who?\nWhat?", request.Questions);
        cut.WaitForAssertion(() => Assert.Contains("line 3: not valid JSON", cut.Find("#question-errors").TextContent));
    }
}
