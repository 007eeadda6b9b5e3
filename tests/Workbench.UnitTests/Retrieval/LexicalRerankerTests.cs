using Workbench.Core.Domain;
using Workbench.Core.Retrieval;

namespace Workbench.UnitTests.Retrieval;

public class LexicalRerankerTests
{
    private static RetrievedPassage Passage(string id, string text, double cosine) =>
        new(new Passage(id, id, 0, "Heading", text, new DocumentMetadata(id, "Org", 2020, DocumentType.Guideline, "x", null)), cosine, 1);

    [Fact]
    public void APassageCoveringTheQuestionMovesAheadOfASlightlyMoreSimilarOne()
    {
        var vague = Passage("vague", "Cardiovascular prevention in adults is discussed.", 0.82);
        var exact = Passage("exact", "Apixaban 5 mg twice daily is the dose for atrial fibrillation.", 0.80);

        var ranked = LexicalReranker.Rerank("apixaban dose atrial fibrillation", [vague, exact], topK: 2, lexicalWeight: 0.3);

        Assert.Equal(["exact", "vague"], ranked.Select(p => p.Passage.Id));
        Assert.True(ranked[0].RankScore > ranked[1].RankScore);
        Assert.Equal(0.80, ranked[0].Score);
    }

    [Fact]
    public void KeepsOnlyTopK()
    {
        var ranked = LexicalReranker.Rerank("dose", [Passage("a", "dose", 0.5), Passage("b", "dose", 0.6), Passage("c", "x", 0.7)], topK: 2, lexicalWeight: 0.3);

        Assert.Equal(2, ranked.Count);
    }
}
