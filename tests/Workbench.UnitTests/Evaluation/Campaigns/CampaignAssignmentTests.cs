using Workbench.Core.Evaluation.Campaigns;

namespace Workbench.UnitTests.Evaluation.Campaigns;

public class CampaignAssignmentTests
{
    private static readonly string[] Raters = ["ana", "ben", "cai", "dee", "eve"];

    [Theory]
    [InlineData(30, 5, 2)]
    [InlineData(31, 5, 3)]
    [InlineData(7, 3, 2)]
    [InlineData(1, 5, 5)]
    public void EveryItemGetsExactlyKDifferentRatersAndLoadsDifferByAtMostOne(int items, int raters, int k)
    {
        var assignments = CampaignAssignment.Assign(items, Raters[..raters], k, "seed");

        Assert.All(assignments.GroupBy(a => a.Item), g => Assert.Equal(k, g.Select(a => a.Rater).Distinct().Count()));
        Assert.Equal(items, assignments.Select(a => a.Item).Distinct().Count());
        var loads = Raters[..raters].Select(r => assignments.Count(a => a.Rater == r)).ToList();
        Assert.InRange(loads.Max() - loads.Min(), 0, 1);
        Assert.Equal(items * k, loads.Sum());
    }

    [Fact]
    public void EachRaterWorksThroughTheirItemsInTheirOwnStableOrder()
    {
        var items = Enumerable.Range(0, 20).ToList();

        var ana = CampaignAssignment.Queue(items, "ana", "seed");
        var ben = CampaignAssignment.Queue(items, "ben", "seed");

        Assert.Equal(items, ana.Order());
        Assert.NotEqual(ana, ben);
        Assert.Equal(ana, CampaignAssignment.Queue(items, "ANA ", "seed"));
        Assert.NotEqual(ana, CampaignAssignment.Queue(items, "ana", "other seed"));
    }

    [Fact]
    public void ARaterJoiningTakesAShareOfTheUnscoredWorkOnly()
    {
        var assignments = CampaignAssignment.Assign(30, Raters[..3], 2, "seed");
        // Ana has scored everything she was given; the others nothing.
        var scored = assignments.Where(a => a.Rater == "ana").ToHashSet();

        var moves = CampaignAssignment.ShareWith("dee", assignments, scored);

        // 40 unscored assignments among ben and cai; dee takes a third (13), ben and cai keep 13–14 each.
        Assert.Equal(13, moves.Count);
        Assert.DoesNotContain(moves, m => m.From == "ana");
        Assert.Equal(moves.Count, moves.Select(m => m.Item).Distinct().Count());
        var after = assignments.Where(a => !scored.Contains(a)).Select(a => moves.Contains((a.Item, a.Rater)) ? (a.Item, Rater: "dee") : a).ToList();
        var loads = new[] { "ben", "cai", "dee" }.Select(r => after.Count(a => a.Rater == r)).ToList();
        Assert.InRange(loads.Max() - loads.Min(), 0, 1);
        Assert.All(after.GroupBy(a => a.Item), g => Assert.Equal(g.Count(), g.Select(a => a.Rater).Distinct().Count()));
    }
}
