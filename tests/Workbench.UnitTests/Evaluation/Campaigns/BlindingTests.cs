using Workbench.Core.Evaluation.Campaigns;

namespace Workbench.UnitTests.Evaluation.Campaigns;

public class BlindingTests
{
    [Fact]
    public void TheLayoutIsStablePerRaterAndItem() =>
        Assert.Equal(Blinding.IsSwapped("seed", 7, "Ana"), Blinding.IsSwapped("seed", 7, " ana "));

    [Fact]
    public void AboutHalfTheItemsAreSwappedAndRatersGetDifferentLayouts()
    {
        var ana = Enumerable.Range(0, 400).Select(i => Blinding.IsSwapped("seed-1", i, "ana")).ToList();
        var ben = Enumerable.Range(0, 400).Select(i => Blinding.IsSwapped("seed-1", i, "ben")).ToList();

        Assert.InRange(ana.Count(s => s), 160, 240);
        Assert.InRange(ana.Zip(ben).Count(p => p.First != p.Second), 160, 240);
    }

    [Fact]
    public void TheSeedChangesTheLayout()
    {
        var first = Enumerable.Range(0, 100).Select(i => Blinding.IsSwapped("seed-a", i, "ana"));
        var second = Enumerable.Range(0, 100).Select(i => Blinding.IsSwapped("seed-b", i, "ana"));

        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData(Preference.Left, false, PairPreference.First)]
    [InlineData(Preference.Left, true, PairPreference.Second)]
    [InlineData(Preference.Right, false, PairPreference.Second)]
    [InlineData(Preference.Right, true, PairPreference.First)]
    [InlineData(Preference.Tie, true, PairPreference.Tie)]
    [InlineData(Preference.BothBad, true, PairPreference.BothBad)]
    public void UnblindingMapsTheSideToTheConfigurationAndBack(Preference seen, bool swapped, PairPreference expected)
    {
        Assert.Equal(expected, Blinding.Unblind(seen, swapped));
        Assert.Equal(seen, Blinding.Blind(expected, swapped));
    }
}
