using Workbench.Core.Domain;
using Workbench.Core.Text;

namespace Workbench.Core.Answering;

/// <summary>One quoted sentence and the 1-based number of the passage it was taken from.</summary>
public sealed record ComposedSentence(string Text, int PassageNumber);

/// <summary>
/// The grounded extractive composer: quotes the sentences of the retrieved passages that best cover the
/// question, never writes a word of its own, and returns nothing when the evidence is too weak.
/// </summary>
public sealed class ExtractiveComposer(ExtractiveComposerOptions options)
{
    public const string Name = "extractive";

    private const int MinSentenceWords = 5;

    public IReadOnlyList<ComposedSentence> Compose(string question, IReadOnlyList<RetrievedPassage> passages)
    {
        var questionTerms = Terms.Extract(question).ToHashSet();
        if (questionTerms.Count == 0 || passages.Count == 0 || passages[0].Score < options.MinPassageScore)
        {
            return [];
        }

        var topScore = passages[0].Score;
        var candidates = passages
            .TakeWhile(p => p.Score >= topScore - options.PassageScoreMargin)
            .SelectMany((p, index) => SentenceSplitter.Split(p.Passage.Text)
                .Select((sentence, order) => new Candidate(sentence, index + 1, order, p.Score, Terms.Extract(sentence).ToHashSet())))
            .Where(c => c.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinSentenceWords)
            .ToList();
        var weights = InverseDocumentFrequencies(questionTerms, candidates);
        var totalWeight = questionTerms.Sum(t => weights[t]);

        var ranked = candidates
            .Select(c => (Candidate: c, Coverage: c.Terms.Where(questionTerms.Contains).Sum(t => weights[t]) / totalWeight))
            .Where(x => x.Coverage >= options.MinSentenceCoverage)
            // Coverage of the question decides; the passage's own similarity breaks ties towards better passages.
            .OrderByDescending(x => x.Coverage * (0.5 + (0.5 * x.Candidate.PassageScore / topScore)))
            .Select(x => x.Candidate);

        var chosen = new List<Candidate>();
        foreach (var candidate in ranked)
        {
            if (chosen.Count == options.MaxSentences)
            {
                break;
            }

            if (chosen.All(c => Overlap(c.Terms, candidate.Terms) <= options.NearDuplicateOverlap))
            {
                chosen.Add(candidate);
            }
        }

        // Read in passage rank order, and in each passage in the order the source wrote them.
        return chosen
            .OrderBy(c => c.PassageNumber)
            .ThenBy(c => c.Order)
            .Select(c => new ComposedSentence(c.Text, c.PassageNumber))
            .ToList();
    }

    private static Dictionary<string, double> InverseDocumentFrequencies(HashSet<string> terms, List<Candidate> candidates) =>
        terms.ToDictionary(
            t => t,
            t => Math.Log(1 + ((candidates.Count + 1.0) / (1 + candidates.Count(c => c.Terms.Contains(t))))));

    private static double Overlap(HashSet<string> a, HashSet<string> b) =>
        a.Count == 0 || b.Count == 0 ? 0 : (double)a.Intersect(b).Count() / Math.Min(a.Count, b.Count);

    private sealed record Candidate(string Text, int PassageNumber, int Order, double PassageScore, HashSet<string> Terms);
}
