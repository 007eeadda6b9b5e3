using Workbench.Core.Evaluation;
using Workbench.Web.Components.Evaluations;

namespace Workbench.ComponentTests.Evaluations;

public class EvaluationResultsViewTests : ComponentTestContext
{
    private static StoredEvaluationResult Result(Guid run, DateTimeOffset at, string retriever, double ndcg) =>
        new(run, "pubmedqa", at, $"{retriever} · arctic · 200/40", 3587, new RetrieverScore(retriever, 1000, 0.9, 0.95, 0.97, 0.93, ndcg, 15, 25));

    [Fact]
    public void WithoutResultsItExplainsHowToRunAnEvaluation()
    {
        var cut = Render<EvaluationResultsView>();

        Assert.Contains("eval retrieval --dataset", cut.Find("#no-evaluations").TextContent);
    }

    [Fact]
    public void ShowsEveryResultInTheTableAndAChartLinePerConfiguration()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var results = new[]
        {
            Result(first, DateTimeOffset.UnixEpoch, "dense", 0.90),
            Result(first, DateTimeOffset.UnixEpoch, "hybrid", 0.92),
            Result(second, DateTimeOffset.UnixEpoch.AddDays(1), "dense", 0.91),
            Result(second, DateTimeOffset.UnixEpoch.AddDays(1), "hybrid", 0.95),
        };

        var cut = Render<EvaluationResultsView>(p => p.Add(c => c.Results, results));

        var rows = cut.FindAll("#evaluation-table .evaluation-row");
        Assert.Equal(4, rows.Count);
        Assert.Contains("0.950", rows[0].TextContent);
        Assert.NotEmpty(cut.FindAll("#evaluation-chart svg"));
        Assert.Contains("hybrid · arctic · 200/40", cut.Find("#evaluation-chart").TextContent);
        Assert.Contains("dense · arctic · 200/40", cut.Find("#evaluation-chart").TextContent);
    }
}
