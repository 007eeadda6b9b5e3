namespace Workbench.UnitTests.Retrieval;

public class SparseEmphasisTests
{
    [Theory]
    [InlineData("NDC 0093-7267-01 metformin 500 mg recall")]
    [InlineData("BRCA1 c.68_69delAG penetrance")]
    [InlineData("Can I take atorvastatin with clarithromycin?")]
    public void CodesSymbolsAndDrugNamesRaiseTheSparseWeight(string question) =>
        Assert.True(SparseEmphasis.Of(question) > 1, $"{SparseEmphasis.Of(question):F2}");

    [Theory]
    [InlineData("What can I do to stop feeling so tired all the time?")]
    [InlineData("How do I get rid of these little bugs in my hair?")]
    [InlineData("WANT TO KNOW LATEST DEVELOPMENT IN LUNG CANCER TREATMENT")]
    public void EverydayWordingLowersIt(string question) =>
        Assert.True(SparseEmphasis.Of(question) < 1, $"{SparseEmphasis.Of(question):F2}");

    [Fact]
    public void TheSameQuestionWithACodeInItWeighsWordsMore() =>
        Assert.True(SparseEmphasis.Of("Is my pill from lot 3A4B21 part of the recall?") > SparseEmphasis.Of("Is my pill part of the recall?"));

    [Fact]
    public void ItStaysWithinItsBounds()
    {
        Assert.Equal(0, SparseEmphasis.Of("the of and"));
        Assert.Equal(SparseEmphasis.Maximum, SparseEmphasis.Of("HbA1c 7.5"));
    }
}
