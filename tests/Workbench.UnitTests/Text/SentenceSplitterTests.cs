using Workbench.Core.Text;

namespace Workbench.UnitTests.Text;

public class SentenceSplitterTests
{
    [Fact]
    public void SplitsOnSentenceEndingPunctuation()
    {
        var sentences = SentenceSplitter.Split("Screen adults aged 45 to 75 years. Stop at 85! Is it useful? Yes.");

        Assert.Equal(["Screen adults aged 45 to 75 years.", "Stop at 85!", "Is it useful?", "Yes."], sentences);
    }

    [Fact]
    public void KeepsAbbreviationsAndDecimalsInsideTheSentence()
    {
        var sentences = SentenceSplitter.Split("The U.S. Preventive Services Task Force advises 2.5 mg daily, e.g. Warfarin is not used. Next one.");

        Assert.Equal(["The U.S. Preventive Services Task Force advises 2.5 mg daily, e.g. Warfarin is not used.", "Next one."], sentences);
    }

    [Fact]
    public void ReturnsNothingForBlankText() => Assert.Empty(SentenceSplitter.Split("   "));
}
