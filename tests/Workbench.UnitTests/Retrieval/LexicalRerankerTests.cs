namespace Workbench.UnitTests.Retrieval;

public class LexicalRerankerTests
{
    private static readonly Dictionary<Guid, string> Names = [];

    /// <summary>A hit as the index returns it: the passage's stored term ids are those of its text.</summary>
    private static SearchHit Hit(string name, string text, double cosine)
    {
        var id = StoredPassages.PointGuid(name);
        Names[id] = name;
        return new SearchHit(id, cosine, 1, SparseEncoder.TermIds(text));
    }

    private static IEnumerable<string> NamesOf(IEnumerable<SearchHit> hits) => hits.Select(h => Names[h.PointId]);

    [Fact]
    public void APassageCoveringTheQuestionMovesAheadOfASlightlyMoreSimilarOne()
    {
        var vague = Hit("vague", "Cardiovascular prevention in adults is discussed.", 0.82);
        var exact = Hit("exact", "Apixaban 5 mg twice daily is the dose for atrial fibrillation.", 0.80);

        var ranked = LexicalReranker.Rerank("apixaban dose atrial fibrillation", [vague, exact], topK: 2, lexicalWeight: 0.3);

        Assert.Equal(["exact", "vague"], NamesOf(ranked));
        Assert.True(ranked[0].RankScore > ranked[1].RankScore);
        Assert.Equal(0.80, ranked[0].Score);
    }

    [Fact]
    public void KeepsOnlyTopK()
    {
        var ranked = LexicalReranker.Rerank("dose", [Hit("a", "dose", 0.5), Hit("b", "dose", 0.6), Hit("c", "x", 0.7)], topK: 2, lexicalWeight: 0.3);

        Assert.Equal(2, ranked.Count);
    }

    [Fact]
    public void TermIdsScoreExactlyAsTheWordsOfThePassageText()
    {
        const string question = "Does low-dose aspirin reduce preeclampsia in high-risk pregnancies?";
        var texts = new Dictionary<string, (string Text, double Cosine)>
        {
            ["a"] = ("Low-dose aspirin (81 mg/day) after 12 weeks reduces preeclampsia in pregnancies at high risk.", 0.71),
            ["b"] = ("Aspirin is not recommended for primary prevention in adults over 70.", 0.74),
            ["c"] = ("Preeclampsia screening measures blood pressure at every prenatal visit; HbA1c is not used.", 0.69),
            ["d"] = ("Pregnancies complicated by diabetes need glucose monitoring.", 0.66),
        };

        var ranked = LexicalReranker.Rerank(question, texts.Select(t => Hit(t.Key, t.Value.Text, t.Value.Cosine)).ToList(), topK: 4, lexicalWeight: 0.3);

        // The re-ranker's score computed from the words of the texts (as the sparse encoder takes them): cosine blended with
        // the share of the question's words a passage has, each weighted by ln(1 + (n + 1) / (1 + candidates having it)).
        var words = texts.ToDictionary(t => t.Key, t => SparseEncoder.Extract(t.Value.Text).ToHashSet());
        var weights = SparseEncoder.Extract(question).Distinct().ToDictionary(t => t, t => Math.Log(1 + (5.0 / (1 + words.Values.Count(w => w.Contains(t))))));
        var expected = texts.ToDictionary(t => t.Key,
            t => (0.7 * t.Value.Cosine) + (0.3 * weights.Where(w => words[t.Key].Contains(w.Key)).Sum(w => w.Value) / weights.Values.Sum()));
        Assert.Equal(expected.OrderByDescending(e => e.Value).Select(e => e.Key), NamesOf(ranked));
        Assert.All(ranked, h => Assert.Equal(expected[Names[h.PointId]], h.RankScore, 12));
    }

    [Theory]
    [InlineData(5, 15)]
    [InlineData(10, 30)]
    [InlineData(40, 60)]
    public void DrawsThreeCandidatesPerPassageKeptButAtMostTwentyExtra(int topK, int candidates) =>
        Assert.Equal(candidates, LexicalReranker.Candidates(topK));

    [Fact]
    public void CandidatesWithoutTheirTermIdsAreRefused() =>
        Assert.Throws<ArgumentException>(() => LexicalReranker.Rerank("dose", [new SearchHit(Guid.NewGuid(), 0.5, 0.5)], topK: 1, lexicalWeight: 0.3));
}
