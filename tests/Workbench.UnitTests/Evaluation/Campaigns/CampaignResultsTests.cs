using Workbench.Core.Evaluation.Campaigns;
using Workbench.Core.Evaluation.Statistics;

namespace Workbench.UnitTests.Evaluation.Campaigns;

public class CampaignResultsTests
{
    private static readonly string[] Configurations = ["X v1", "Y v1"];

    private static RubricScores All(int value) => new(value, value, value, value, value);

    private static Judgement J(int item, string rater, int first, int second, PairPreference preference) =>
        new(item, rater, 0, 1, All(first), All(second), preference, null, DateTimeOffset.UnixEpoch);

    /// <summary>Two raters, three items of the pair (X, Y).</summary>
    private static readonly Judgement[] TwoRaters =
    [
        J(0, "r1", 5, 2, PairPreference.First), J(0, "r2", 5, 2, PairPreference.First),
        J(1, "r1", 3, 4, PairPreference.Second), J(1, "r2", 3, 4, PairPreference.Tie),
        J(2, "r1", 4, 2, PairPreference.First), J(2, "r2", 4, 3, PairPreference.BothBad),
    ];

    [Fact]
    public void WinRateCountsTiesAndBothBadAsHalf()
    {
        var pair = Assert.Single(CampaignResults.Compute(Configurations, TwoRaters, 200).Pairwise);

        Assert.Equal(("X v1", "Y v1", 6, 3, 1, 1, 1), (pair.First, pair.Second, pair.Comparisons, pair.FirstWins, pair.SecondWins, pair.Ties, pair.BothBad));
        Assert.Equal(Intervals.Wilson(4, 6), pair.FirstWinRate);
        Assert.Equal(4.0 / 6, pair.FirstWinRate.Value, 10);
    }

    [Fact]
    public void RankingIsTheBradleyTerryFitOfThePreferences()
    {
        // X scores 4 of 6 (ties half), Y 2: with two items the MLE strength ratio is 4:2, so 2/3 and 1/3.
        var ranking = CampaignResults.Compute(Configurations, TwoRaters, 200).Ranking;

        Assert.Equal(["X v1", "Y v1"], ranking.Select(r => r.Item));
        Assert.Equal(2.0 / 3, ranking[0].Value, 6);
        Assert.Equal(1.0 / 3, ranking[1].Value, 6);
        Assert.True(ranking[0].Lower <= ranking[0].Value && ranking[0].Value <= ranking[0].Upper);
    }

    [Fact]
    public void MeanScoresArePerConfigurationAndAxis()
    {
        var scores = CampaignResults.Compute(Configurations, TwoRaters, 200).Scores;

        Assert.Equal(4.0, scores[0].Axes[RubricAxis.Accuracy].Value, 10);
        Assert.Equal(17.0 / 6, scores[1].Axes[RubricAxis.Harm].Value, 10);
        Assert.Equal(17.0 / 6, scores[1].Overall.Value, 10);
        Assert.Equal(6, scores[1].Judged);
        Assert.Equal(Intervals.Mean([5, 5, 3, 3, 4, 4]), scores[0].Axes[RubricAxis.Clarity]);
    }

    [Fact]
    public void IntervalsOfMeanScoresStayOnTheOneToFiveScale()
    {
        var axis = CampaignResults.Compute(Configurations, [J(0, "r1", 5, 1, PairPreference.First), J(1, "r1", 1, 1, PairPreference.Tie)], 200)
            .Scores[0].Axes[RubricAxis.Accuracy];

        Assert.Equal((3.0, 1.0, 5.0), (axis.Value, axis.Lower, axis.Upper));
    }

    [Fact]
    public void TwoRatersAgreementIsCohensKappaComputedByHand()
    {
        var agreement = CampaignResults.Compute(Configurations, TwoRaters, 200).Agreement;

        // Accuracy over the 6 answers: r1 [5,2,3,4,4,2], r2 [5,2,3,4,4,3]; po = 5/6, pe = 9/36, kappa = 7/9.
        var accuracy = agreement.Single(a => a.Measure == "Factual accuracy");
        Assert.Equal("Cohen's kappa", accuracy.Method);
        Assert.Equal(6, accuracy.Units);
        Assert.Equal(7.0 / 9, accuracy.Value!.Value, 10);

        // Preference: r1 [First, Second, First], r2 [First, Tie, BothBad]; po = 1/3, pe = 2/9, kappa = 1/7.
        var preference = agreement.Single(a => a.Measure == "Overall preference");
        Assert.Equal(1.0 / 7, preference.Value!.Value, 10);
    }

    [Fact]
    public void ThreeRatersUseKrippendorffsAlphaAndASingleRaterHasNoAgreement()
    {
        Judgement[] three = [.. TwoRaters, J(0, "r3", 5, 2, PairPreference.First), J(1, "r3", 3, 4, PairPreference.Second)];

        var alpha = CampaignResults.Compute(Configurations, three, 200).Agreement.Single(a => a.Measure == "Overall preference");
        Assert.StartsWith("Krippendorff's alpha", alpha.Method);
        Assert.NotNull(alpha.Value);

        var single = CampaignResults.Compute(Configurations, TwoRaters.Where(j => j.Rater == "r1").ToList(), 200).Agreement;
        Assert.All(single, a => Assert.Null(a.Value));
    }

    [Fact]
    public void NoJudgementsGiveEmptyResults()
    {
        var results = CampaignResults.Compute(Configurations, [], 200);

        Assert.Empty(results.Scores);
        Assert.Empty(results.Ranking);
        Assert.Empty(results.Pairwise);
    }
}
