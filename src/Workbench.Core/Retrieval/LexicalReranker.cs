using Workbench.Core.Text;

namespace Workbench.Core.Retrieval;

/// <summary>
/// The re-ranking stage when no cross-encoder can be obtained here: re-scores the fused candidates by
/// their dense similarity blended with how much of the question's content (IDF-weighted over the
/// candidates) each passage covers, then keeps the best. Cheap: no model call, and no passage text: terms
/// are compared by the ids the index stores for each passage (its sparse vector's indices), which are the
/// question's terms hashed the same way.
/// </summary>
public static class LexicalReranker
{
    /// <summary>
    /// How many candidates to fetch so re-ranking has something to choose from: three per passage kept for
    /// the few an answer cites, but never more than 20 beyond those kept. Deeper lists (an evaluation
    /// keeps 40) gain nothing from candidates further down (PubMedQA, 40 of 60 against 40 of 120: one
    /// question ranked better, two worse in 1,000) and each one costs a little time.
    /// </summary>
    public static int Candidates(int topK) => topK + Math.Min(2 * topK, 20);

    /// <param name="lexicalWeight">Weight of lexical coverage against dense similarity in the blended score.</param>
    public static IReadOnlyList<SearchHit> Rerank(string question, IReadOnlyList<SearchHit> candidates, int topK, double lexicalWeight)
    {
        var terms = candidates.Select(c => c.TermIds ?? throw new ArgumentException("re-ranking needs the candidates' term ids (PassageQuery.WithTermIds)", nameof(candidates))).ToList();
        var coverage = new TermCoverage<uint>(SparseEncoder.TermIds(question), terms);
        return candidates
            .Select((c, i) => c with { RankScore = ((1 - lexicalWeight) * c.Score) + (lexicalWeight * coverage.Of(terms[i])) })
            .OrderByDescending(c => c.RankScore)
            .Take(topK)
            .ToList();
    }
}
