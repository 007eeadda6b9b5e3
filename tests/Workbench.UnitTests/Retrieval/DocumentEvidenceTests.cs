namespace Workbench.UnitTests.Retrieval;

public class DocumentEvidenceTests
{
    private static RetrievedPassage Found(string document, int chunk, double score) =>
        new(new Passage($"{document}#{chunk}", document, chunk, "h", "text", new DocumentMetadata("t", "o", null, DocumentType.Guideline, "s", null)), score);

    private static readonly RetrievedPassage[] Ranked = [Found("single", 0, 0.80), Found("several", 0, 0.78), Found("several", 1, 0.75), Found("other", 0, 0.70)];

    [Fact]
    public void ADocumentWithSeveralPassagesFoundMovesAheadOfASlightlyBetterSinglePassage()
    {
        // several: 0.78 + 0.1 × 0.75 = 0.855 > single 0.80.
        var ranked = DocumentEvidence.Rank(Ranked, 0.1);

        Assert.Equal(["several#0", "several#1", "single#0", "other#0"], ranked.Select(p => p.Passage.Id));
    }

    [Fact]
    public void ASmallWeightKeepsTheBestPassageFirst()
    {
        // several: 0.78 + 0.02 × 0.75 = 0.795 < single 0.80.
        var ranked = DocumentEvidence.Rank(Ranked, 0.02);

        Assert.Equal(["single#0", "several#0", "several#1", "other#0"], ranked.Select(p => p.Passage.Id));
    }
}
