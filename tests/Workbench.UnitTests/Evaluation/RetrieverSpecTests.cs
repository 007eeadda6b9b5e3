using Workbench.Core.Evaluation;

namespace Workbench.UnitTests.Evaluation;

public class RetrieverSpecTests
{
    [Theory]
    [InlineData("dense", RetrieverKind.Dense, RerankerKind.None)]
    [InlineData("Hybrid", RetrieverKind.Hybrid, RerankerKind.None)]
    [InlineData("hybrid+lexical", RetrieverKind.Hybrid, RerankerKind.Lexical)]
    public void ReadsAKindAndAnOptionalReRanker(string text, RetrieverKind kind, RerankerKind reranker)
    {
        var spec = RetrieverSpec.Parse(text);

        Assert.Equal(new RetrieverSpec(kind, reranker), spec);
        Assert.Equal(text.ToLowerInvariant(), spec.Label);
    }

    [Theory]
    [InlineData("default")]
    [InlineData(" Default ")]
    public void DefaultIsWhatTheAskPageRuns(string text)
    {
        var spec = RetrieverSpec.Parse(text);

        Assert.True(spec.IsDefault);
        Assert.Null(spec.Kind);
        Assert.Null(spec.Reranker);
        Assert.Equal("default", spec.Label);
    }

    [Theory]
    [InlineData("bm25")]
    [InlineData("7")]
    [InlineData("hybrid+cross")]
    [InlineData("dense+lexical+lexical")]
    public void RejectsAnUnknownRetriever(string text) =>
        Assert.Throws<FormatException>(() => RetrieverSpec.Parse(text));
}
