namespace Workbench.Core.Text;

/// <summary>
/// How much of a question's content a text covers: the IDF-weighted share of the question's terms it
/// contains, with IDF taken over the candidate texts being compared (so a term every candidate has counts little).
/// Terms are words (<see cref="Terms"/>) or any stand-in for them, such as the ids a sparse vector stores.
/// </summary>
public sealed class TermCoverage<TTerm>
    where TTerm : notnull
{
    private readonly Dictionary<TTerm, double> weights;
    private readonly double totalWeight;

    public TermCoverage(IEnumerable<TTerm> questionTerms, IReadOnlyCollection<IReadOnlySet<TTerm>> candidates)
    {
        weights = questionTerms.Distinct().ToDictionary(
            t => t,
            t => Math.Log(1 + ((candidates.Count + 1.0) / (1 + candidates.Count(c => c.Contains(t))))));
        totalWeight = weights.Values.Sum();
    }

    public bool IsEmpty => weights.Count == 0;

    /// <summary>0 when the text shares no content word with the question, 1 when it has them all.</summary>
    public double Of(IReadOnlySet<TTerm> textTerms)
    {
        if (totalWeight == 0)
        {
            return 0;
        }

        double covered = 0;
        foreach (var (term, weight) in weights)
        {
            if (textTerms.Contains(term))
            {
                covered += weight;
            }
        }

        return covered / totalWeight;
    }
}

public static class TermCoverage
{
    /// <summary>Coverage of the question's words (<see cref="Terms"/>) among candidate texts given as their word sets.</summary>
    public static TermCoverage<string> ForQuestion(string question, IReadOnlyCollection<IReadOnlySet<string>> candidates) =>
        new(Terms.Extract(question), candidates);
}
