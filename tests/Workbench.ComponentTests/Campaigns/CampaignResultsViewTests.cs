using Workbench.Core.Evaluation.Campaigns;
using Workbench.Core.Retrieval;
using Workbench.Web.Components.Campaigns;

namespace Workbench.ComponentTests.Campaigns;

public class CampaignResultsViewTests : ComponentTestContext
{
    private static readonly PipelineVariant[] Variants =
        [new("default", 1, RetrieverKind.Hybrid, RerankerKind.Lexical, 5), new("dense-only", 1, RetrieverKind.Dense, RerankerKind.None, 5)];

    private static RubricScores All(int value) => new(value, value, value, value, value);

    private static CampaignOutcome Outcome()
    {
        var campaign = new CampaignSummary(Guid.NewGuid(), "Pilot", CampaignStatus.Closed, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 2, Variants,
            4, 4, [new RaterProgress("ana", 2, 2), new RaterProgress("ben", 2, 2)], null, null, []);
        Judgement[] judgements =
        [
            new(0, "ana", 0, 1, All(4), All(2), PairPreference.First, null, DateTimeOffset.UnixEpoch),
            new(0, "ben", 0, 1, All(4), All(2), PairPreference.Second, null, DateTimeOffset.UnixEpoch),
            new(1, "ana", 0, 1, All(3), All(3), PairPreference.BothBad, null, DateTimeOffset.UnixEpoch.AddSeconds(50)),
            new(1, "ben", 0, 1, All(3), All(3), PairPreference.First, null, DateTimeOffset.UnixEpoch.AddSeconds(70)),
        ];
        var evidence = new CampaignEvidence(new Dictionary<(int, int), AnswerStyle>(), new Dictionary<int, CheckItem> { [1] = new(1, CheckItem.BothBad) });
        return new(campaign, ["q1", "q2"], CampaignResults.Compute(["default v1", "dense-only v1"], judgements, 100, evidence), null, judgements, evidence);
    }

    [Fact]
    public void TheOwnersViewHasTheQualityPanelAndOffersToExcludeRatersFailingChecks()
    {
        IReadOnlyList<string>? excluded = null;
        var cut = Render<CampaignResultsView>(p => p.Add(c => c.Outcome, Outcome()).Add(c => c.ShowQuality, true)
            .Add(c => c.OnExclude, (IReadOnlyList<string> raters) => excluded = raters));

        var rows = cut.FindAll("#quality-panel .quality-row");
        Assert.Equal(2, rows.Count);
        Assert.Contains("fails checks", rows[1].TextContent);
        Assert.Contains("0/1", rows[1].TextContent);
        cut.Find("#exclude-below-threshold").Click();
        Assert.Equal(["ben"], excluded);
    }

    [Fact]
    public void ARatersViewHasNoQualityPanelAndAnUnseparatedPairSaysSo()
    {
        var cut = Render<CampaignResultsView>(p => p.Add(c => c.Outcome, Outcome()));

        Assert.Empty(cut.FindAll("#quality-panel"));
        Assert.Empty(cut.FindAll("#exclude-below-threshold"));
        Assert.Contains("Not enough judgements to separate default v1 and dense-only v1", cut.Find("#win-rates .separation").TextContent);
        Assert.NotEmpty(cut.FindAll("#style-ranking"));
    }
}
