using Microsoft.Extensions.DependencyInjection;
using Workbench.Core.Evaluation;

namespace Workbench.EndToEndTests;

[Collection(BrowserCollection.Name)]
public class EvaluationsPageTests(BrowserFixture fixture)
{
    private static RetrievalEvaluationReport Report(DateTimeOffset at, double hybrid) =>
        new("tiny", at, 6, 6, "document", "snowflake-arctic-embed-xs", 200, 40,
        [
            new RetrieverScore("dense", 2, 0.5, 1, 1, 0.75, 0.82, 12, 15),
            new RetrieverScore("hybrid", 2, hybrid, 1, 1, 0.9, 0.93, 14, 18),
        ]);

    [Fact]
    public async Task AnEvaluatorSeesStoredRunsAsAChartAndATable()
    {
        var store = fixture.Services.GetRequiredService<EvaluationStore>();
        await store.SaveAsync(Report(DateTimeOffset.UtcNow.AddDays(-1), 0.5));
        await store.SaveAsync(Report(DateTimeOffset.UtcNow, 1.0));
        var page = await fixture.NewPageAsync("evaluator");

        await page.GotoAsync(fixture.BaseUrl + "/evaluations");

        await Assertions.Expect(page.Locator("#evaluation-table .evaluation-row")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#evaluation-chart svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#evaluation-chart")).ToContainTextAsync("hybrid · snowflake-arctic-embed-xs · 200/40");
        await BrowserFixture.ScreenshotAsync(page, "05-evaluations");
    }
}
