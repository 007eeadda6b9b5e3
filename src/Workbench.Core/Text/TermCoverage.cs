namespace Workbench.Core.Text;

/// <summary>
/// How much of a question's content a text covers: the IDF-weighted share of the question's terms it
/// contains, with IDF taken over the candidate texts being compared (so a term every candidate has counts little).
/// </summary>
public sealed class TermCoverage
{
    private readonly HashSet<string> questionTerms;
    private readonly Dictionary<string, double> weights;
    private readonly double totalWeight;

    public TermCoverage(string question, IReadOnlyCollection<HashSet<string>> candidates)
    {
        questionTerms = Terms.Extract(question).ToHashSet();
        weights = questionTerms.ToDictionary(
            t => t,
            t => Math.Log(1 + ((candidates.Count + 1.0) / (1 + candidates.Count(c => c.Contains(t))))));
        totalWeight = weights.Values.Sum();
    }

    public bool IsEmpty => questionTerms.Count == 0;

    /// <summary>0 when the text shares no content word with the question, 1 when it has them all.</summary>
    public double Of(HashSet<string> textTerms) =>
        totalWeight == 0 ? 0 : textTerms.Where(questionTerms.Contains).Sum(t => weights[t]) / totalWeight;
}
