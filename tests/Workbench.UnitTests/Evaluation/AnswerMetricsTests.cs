using Workbench.Core.Evaluation;

namespace Workbench.UnitTests.Evaluation;

public class AnswerMetricsTests
{
    [Fact]
    public void RougeLIsTheLongestCommonSubsequenceAsAHarmonicMeanOfBothShares()
    {
        // the cat sat on the mat / the cat is on the mat: LCS "the cat on the mat" = 5 of 6 words each way.
        Assert.Equal(5.0 / 6, AnswerMetrics.RougeLF1("The cat sat on the mat.", "the cat is on the mat"), 6);
    }

    [Fact]
    public void RougeLCountsOrderNotJustOverlap()
    {
        // a b c d / d c b a: every word shared, but the longest common subsequence is one word: P = R = 1/4.
        Assert.Equal(0.25, AnswerMetrics.RougeLF1("a b c d", "d c b a"), 6);
        // Unequal lengths: LCS 2 ("fever cough"), P = 2/2, R = 2/4, F1 = 2·1·0.5/1.5 = 2/3.
        Assert.Equal(2.0 / 3, AnswerMetrics.RougeLF1("fever cough", "fever, rash and cough"), 6);
    }

    [Fact]
    public void TokenF1DropsPunctuationCaseAndStopWords()
    {
        // cat sat mat / cat mat after "the", "on", "is" go: overlap 2, P = 2/3, R = 1, F1 = 0.8.
        Assert.Equal(0.8, AnswerMetrics.TokenF1("The cat sat on the mat.", "the CAT is on the mat!"), 6);
    }

    [Fact]
    public void TokenF1CountsRepeatedWordsOnlyAsOftenAsTheReferenceHasThem()
    {
        // dose dose dose / dose daily: overlap 1, P = 1/3, R = 1/2, F1 = 0.4.
        Assert.Equal(0.4, AnswerMetrics.TokenF1("dose dose dose", "dose daily"), 6);
    }

    [Fact]
    public void EmptyOrDisjointTextsScoreZero()
    {
        Assert.Equal(0, AnswerMetrics.RougeLF1("", "anything here"));
        Assert.Equal(0, AnswerMetrics.TokenF1("the of and", "aspirin"));
        Assert.Equal(0, AnswerMetrics.TokenF1("insulin", "aspirin"));
        Assert.Equal(1, AnswerMetrics.RougeLF1("Aspirin daily.", "aspirin daily"), 6);
    }
}
