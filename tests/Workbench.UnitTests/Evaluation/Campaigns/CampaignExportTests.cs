using Workbench.Core.Evaluation.Campaigns;

namespace Workbench.UnitTests.Evaluation.Campaigns;

public class CampaignExportTests
{
    private static readonly CampaignSummary Campaign = new(Guid.Empty, "Pilot", CampaignStatus.Closed, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1,
        [new PipelineVariant("default", 1, RetrieverKind.Hybrid, RerankerKind.Lexical, 5), new PipelineVariant("dense-only", 1, RetrieverKind.Dense, RerankerKind.None, 5)],
        2, 2, [new RaterProgress("ana", 1, 1)], null, null, ["ben"]);

    private static readonly Judgement[] Judgements =
    [
        new(0, "ana", 0, 1, new RubricScores(5, 4, 5, 5, 4), new RubricScores(2, 2, 1, 3, 3), PairPreference.First, "=HYPERLINK(\"x\"), and \"quoted\"", DateTimeOffset.UnixEpoch),
    ];

    private static CampaignOutcome Outcome(IReadOnlyList<string> questions, CampaignEvidence? evidence = null) =>
        new(Campaign, questions, CampaignResults.Compute(["default v1", "dense-only v1"], Judgements, 100), null, Judgements, evidence ?? CampaignEvidence.None);

    [Fact]
    public void JudgementsCsvHasOneRowPerJudgementWithConfigurationsAndBothRubrics()
    {
        var lines = CampaignExport.JudgementsCsv(Outcome(["Aspirin, which dose?"])).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, lines.Length);
        Assert.StartsWith("item,question,rater,first,second,first_accuracy,", lines[0]);
        Assert.StartsWith("0,\"Aspirin, which dose?\",ana,default v1,dense-only v1,5,4,5,5,4,2,2,1,3,3,First,", lines[1]);
    }

    [Fact]
    public void CommentsAreQuotedAndCannotRunAsSpreadsheetFormulas()
    {
        var row = CampaignExport.JudgementsCsv(Outcome(["q"])).Split("\r\n")[1];

        Assert.Contains("\"'=HYPERLINK(\"\"x\"\"), and \"\"quoted\"\"\"", row);
    }

    [Fact]
    public void ResultsExportsCarryEveryTable()
    {
        var results = CampaignResults.Compute(["default v1", "dense-only v1"], Judgements, 100);

        var csv = CampaignExport.ResultsCsv(results);
        Assert.Contains("mean_score,default v1,,Accuracy,5,", csv);
        Assert.Contains("win_rate,default v1,dense-only v1,first_win_rate,1,", csv);
        Assert.Contains("bradley_terry,default v1,", csv);
        Assert.Contains("agreement,,,Overall preference", csv);

        Assert.Contains("power,default v1,dense-only v1,not_separated,", csv);
        Assert.Contains("rater_quality,ana,,median_seconds_per_item,", csv);

        var json = CampaignExport.ToJson(Outcome(["q"]));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("dense-only v1", document.RootElement.GetProperty("judgements")[0].GetProperty("second").GetString());
        Assert.Equal("first", document.RootElement.GetProperty("judgements")[0].GetProperty("preference").GetString());
        Assert.False(document.RootElement.GetProperty("judgements")[0].GetProperty("excluded").GetBoolean());
        Assert.Equal(["ben"], document.RootElement.GetProperty("campaign").GetProperty("excludedRaters").EnumerateArray().Select(e => e.GetString()));
        Assert.True(document.RootElement.GetProperty("results").TryGetProperty("quality", out _));
        Assert.True(document.RootElement.GetProperty("results").TryGetProperty("styleControlled", out _));
    }

    [Fact]
    public void ACheckItemsJudgementCarriesItsExpectation()
    {
        var checks = new Dictionary<int, CheckItem> { [0] = new(0, CheckItem.BothBad) };
        var outcome = Outcome(["q"], new CampaignEvidence(new Dictionary<(int, int), AnswerStyle>(), checks));

        var row = CampaignExport.JudgementsCsv(outcome).Split("\r\n")[1];

        Assert.EndsWith(",bothBad,false", row);
    }
}
