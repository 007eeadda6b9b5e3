namespace Workbench.Core.Retrieval;

/// <summary>
/// Document-level aggregation: a document several of whose passages were found is better evidence than
/// one with a single passage that scored a little higher. Passages are ordered by their document's score
/// (its best passage's plus a weight times its other passages'), each document's passages together, best first.
/// </summary>
public static class DocumentEvidence
{
    public static IReadOnlyList<RetrievedPassage> Rank(IReadOnlyList<RetrievedPassage> passages, double weight) =>
        passages
            .GroupBy(p => p.Passage.DocumentId)
            .Select(g =>
            {
                var ordered = g.OrderByDescending(p => p.RankScore).ToList();
                return (Score: ordered[0].RankScore + (weight * ordered.Skip(1).Sum(p => p.RankScore)), Passages: ordered);
            })
            .OrderByDescending(d => d.Score)
            .SelectMany(d => d.Passages)
            .ToList();
}
