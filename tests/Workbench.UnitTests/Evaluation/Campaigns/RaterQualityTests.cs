using Workbench.Core.Evaluation.Campaigns;

namespace Workbench.UnitTests.Evaluation.Campaigns;

public class RaterQualityTests
{
    private static readonly string[] Configurations = ["X v1", "Y v1"];

    private static RubricScores All(int value) => new(value, value, value, value, value);

    private static Judgement J(int item, string rater, PairPreference preference, int seconds, int first = 4, int second = 2) =>
        new(item, rater, 0, 1, All(first), All(second), preference, null, DateTimeOffset.UnixEpoch.AddSeconds(seconds));

    [Fact]
    public void ChecksAreKeptOutOfTheResultsAndScoreEachRatersPassRate()
    {
        // Question 1 (item 1) is a check expecting "both bad"; ana passes it, ben does not.
        var evidence = new CampaignEvidence(new Dictionary<(int, int), AnswerStyle>(), new Dictionary<int, CheckItem> { [1] = new(1, CheckItem.BothBad) });
        Judgement[] judgements =
        [
            J(0, "ana", PairPreference.First, 0), J(0, "ben", PairPreference.First, 0),
            J(1, "ana", PairPreference.BothBad, 40), J(1, "ben", PairPreference.First, 40),
        ];

        var results = CampaignResults.Compute(Configurations, judgements, 100, evidence);

        Assert.Equal(2, results.Judgements);
        Assert.Equal(2, Assert.Single(results.Pairwise).Comparisons);
        var quality = results.Quality.ToDictionary(q => q.Rater);
        Assert.Equal((1, 1.0, false), (quality["ana"].ChecksTaken, quality["ana"].CheckPassRate!.Value, quality["ana"].BelowCheckThreshold));
        Assert.Equal((1, 0.0, true), (quality["ben"].ChecksTaken, quality["ben"].CheckPassRate!.Value, quality["ben"].BelowCheckThreshold));
        Assert.Equal(2, quality["ana"].Items);
        Assert.Equal(40, quality["ana"].MedianSecondsPerItem);
    }

    [Fact]
    public void ACheckExpectingAConfigurationPassesWhenThatConfigurationIsPreferred()
    {
        var check = new CheckItem(0, "y");

        Assert.True(check.Passed(J(0, "ana", PairPreference.Second, 0), Configurations));
        Assert.False(check.Passed(J(0, "ana", PairPreference.Tie, 0), Configurations));
        Assert.Null(new CheckItem(0, "z").Passed(J(0, "ana", PairPreference.Second, 0), Configurations));
    }

    [Fact]
    public void FlatJudgementsInARowAreStraightLining()
    {
        var flat = Enumerable.Range(0, RaterQualityPanel.FlatRunThreshold).Select(i => J(i, "ana", PairPreference.Tie, i * 30, 3, 3)).ToList();
        Judgement[] varied = [.. flat.Take(RaterQualityPanel.FlatRunThreshold - 1), J(9, "ana", PairPreference.First, 999)];

        Assert.True(CampaignResults.Compute(Configurations, flat, 100).Quality.Single().StraightLining);
        var quality = CampaignResults.Compute(Configurations, varied, 100).Quality.Single();
        Assert.Equal(RaterQualityPanel.FlatRunThreshold - 1, quality.LongestFlatRun);
        Assert.False(quality.StraightLining);
    }

    [Fact]
    public void AgreementIsWithTheOtherRatersMajorityAndBreaksAreNotTimeOnAnItem()
    {
        Judgement[] judgements =
        [
            J(0, "ana", PairPreference.First, 0), J(0, "ben", PairPreference.First, 0), J(0, "cai", PairPreference.First, 0),
            J(1, "ana", PairPreference.Second, 60), J(1, "ben", PairPreference.Second, 60), J(1, "cai", PairPreference.Second, 60),
            J(2, "ana", PairPreference.First, 60 + (int)RaterQualityPanel.BreakSeconds + 1),
            J(2, "ben", PairPreference.First, 100), J(2, "cai", PairPreference.Second, 100),
        ];

        var quality = CampaignResults.Compute(Configurations, judgements, 100).Quality.ToDictionary(q => q.Rater);

        // Ana matches the others' majority on items 0 and 1; on item 2 ben and cai split, so it is left out.
        Assert.Equal((1.0, 2), (quality["ana"].AgreementWithOthers!.Value, quality["ana"].AgreementUnits));
        Assert.Equal(60, quality["ana"].MedianSecondsPerItem);
        Assert.Equal(3, quality["cai"].AgreementUnits);
    }

    [Fact]
    public void AWinRateWhoseIntervalCrossesFiftyPercentIsNotSeparated()
    {
        var pair = Assert.Single(CampaignResults.Compute(Configurations, [J(0, "ana", PairPreference.First, 0), J(1, "ana", PairPreference.Second, 10), J(2, "ana", PairPreference.First, 20)], 100).Pairwise);

        Assert.False(pair.Separated);
        Assert.Equal(Core.Evaluation.Statistics.Power.JudgementsNeeded(2.0 / 3), pair.JudgementsNeeded);
    }
}

public class GuidelinesTests
{
    [Fact]
    public void MarkdownIsRenderedAndRawHtmlIsEscaped()
    {
        var html = Guidelines.ToHtml("# Scoring\n\nPrefer **cited** answers.\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>");

        Assert.Contains("<h1>Scoring</h1>", html);
        Assert.Contains("<strong>cited</strong>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void OnlyWebAndMailLinksKeepTheirAddress()
    {
        var html = Guidelines.ToHtml("[ok](https://example.org/guide) [bad](javascript:alert(1)) [data](data:text/html,x) ![img](javascript:x)");

        Assert.Contains("href=\"https://example.org/guide\"", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("data:", html);
    }
}
