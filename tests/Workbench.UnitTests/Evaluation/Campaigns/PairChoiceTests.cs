using Workbench.Core.Evaluation.Campaigns;

namespace Workbench.UnitTests.Evaluation.Campaigns;

public class PairChoiceTests
{
    private static IEnumerable<(int, int, PairPreference)> Times(int count, int first, int second, PairPreference preference) =>
        Enumerable.Repeat((first, second, preference), count);

    [Fact]
    public void WithThreeConfigurationsTheUndecidedAdjacentPairComesFirstEvenWithMoreJudgements()
    {
        // 0 has beaten 1 and 2 twice each; 1 and 2 are level after eight judgements. Ranking 0 > 1 ≈ 2.
        List<(int, int, PairPreference)> history =
        [
            .. Times(2, 0, 1, PairPreference.First), .. Times(2, 0, 2, PairPreference.First),
            .. Times(4, 1, 2, PairPreference.First), .. Times(4, 1, 2, PairPreference.Second),
        ];

        var priority = PairChoice.Priority(3, history);

        // (1, 2) is pair 2, (0, 1) the other adjacent pair, (0, 2) not adjacent.
        Assert.Equal([2, 0, 1], priority);
        // Three questions × three pairs; the rater's first item of pair 2 in their own order is 8, then 2 after it.
        int[] queue = [0, 4, 8, 3, 1, 7, 6, 2, 5];
        Assert.Equal(8, PairChoice.Next(queue, new HashSet<int>(), 3, priority));
        Assert.Equal(2, PairChoice.Next(queue, new HashSet<int> { 8 }, 3, priority, after: 8));
    }

    [Fact]
    public void AmongEquallyUncertainAdjacentPairsTheOneWithFewestJudgementsComesFirst()
    {
        // All ties: every strength equal, every adjacent pair as uncertain; (0, 1) has two judgements, (1, 2) four.
        List<(int, int, PairPreference)> history = [.. Times(2, 0, 1, PairPreference.Tie), .. Times(4, 1, 2, PairPreference.BothBad)];

        Assert.Equal([0, 2, 1], PairChoice.Priority(3, history));
    }

    [Fact]
    public void AConfigurationNobodyHasJudgedYetIsComparedFirst()
    {
        // 0 > 1 > 2 clearly; 3 has no judgement, so it ranks last and its adjacent pair (2, 3) is wholly uncertain.
        List<(int, int, PairPreference)> history =
        [
            .. Times(3, 0, 1, PairPreference.First), .. Times(3, 1, 2, PairPreference.First), .. Times(3, 0, 2, PairPreference.First),
        ];

        var priority = PairChoice.Priority(4, history);

        Assert.Equal(CampaignSummary.PairIndex(4, 2, 3), priority[0]);
        Assert.Equal(6, priority.Count);
        Assert.Equal(Enumerable.Range(0, 6), priority.Order());
    }

    [Fact]
    public void WithNoJudgementsTheAdjacentPairsOfTheConfigurationOrderComeFirst()
    {
        Assert.Equal([0, 2, 1], PairChoice.Priority(3, []));
    }

    [Fact]
    public void WithTwoConfigurationsTheNextItemIsTheNextUnscoredInTheRatersOrderWhateverTheHistory()
    {
        List<(int, int, PairPreference)> history = [.. Times(5, 0, 1, PairPreference.First)];
        var priority = PairChoice.Priority(2, history);
        int[] queue = [3, 0, 2, 1];
        var scored = new HashSet<int> { 0 };

        Assert.Equal([0], priority);
        Assert.Equal(3, PairChoice.Next(queue, scored, 2, priority));
        Assert.Equal(2, PairChoice.Next(queue, scored, 2, priority, after: 3));
        Assert.Equal(3, PairChoice.Next(queue, scored, 2, priority, after: 1));
        Assert.Null(PairChoice.Next(queue, new HashSet<int>(queue), 2, priority));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void PairIndexUndoesPair(int variants)
    {
        for (var pair = 0; pair < CampaignSummary.PairCount(variants); pair++)
        {
            var (first, second) = CampaignSummary.Pair(variants, pair);
            Assert.Equal(pair, CampaignSummary.PairIndex(variants, first, second));
            Assert.Equal(pair, CampaignSummary.PairIndex(variants, second, first));
        }
    }
}
