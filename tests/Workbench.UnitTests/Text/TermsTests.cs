using Workbench.Core.Text;

namespace Workbench.UnitTests.Text;

public class TermsTests
{
    [Fact]
    public void KeepsBiomedicalTokensWhole()
    {
        var terms = Terms.Extract("HbA1c below 7% after COVID-19 with 2.5 mg of apixaban");

        Assert.Contains("hba1c", terms);
        Assert.Contains("covid-19", terms);
        Assert.Contains("2.5", terms);
        Assert.Contains("apixaban", terms);
    }

    [Fact]
    public void DropsStopWordsAndStemsPluralsToTheSameTerm()
    {
        var terms = Terms.Extract("What are the vaccines for the vaccine schedule?");

        Assert.DoesNotContain("what", terms);
        Assert.DoesNotContain("the", terms);
        Assert.Equal(2, terms.Count(t => t == Terms.Stem("vaccine")));
    }

    [Theory]
    [InlineData("screening", "screened")]
    [InlineData("therapies", "therapy")]
    [InlineData("diabetes", "diabetes")]
    [InlineData("prevention", "preventive")]
    [InlineData("hypertension", "hypertensive")]
    public void StemsInflectionsAlike(string a, string b) => Assert.Equal(Terms.Stem(a), Terms.Stem(b));

    [Fact]
    public void MatchesTheWordsInsideAHyphenatedTerm()
    {
        var terms = Terms.Extract("low-dose aspirin for high-risk pregnancies");

        Assert.Contains("low-dos", terms);
        Assert.Contains(Terms.Stem("dose"), terms);
        Assert.Contains("risk", terms);
    }
}
