using Workbench.Core.Text;

namespace Workbench.Core.Answering;

/// <summary>One quoted sentence and the 1-based number of the passage it was taken from.</summary>
public sealed record ComposedSentence(string Text, int PassageNumber);

/// <summary>
/// The grounded extractive composer: quotes the sentences of the retrieved passages that best cover the
/// question, never writes a word of its own, and returns nothing when the evidence is too weak.
/// </summary>
public sealed class ExtractiveComposer(ExtractiveComposerOptions options) : IAnswerComposer
{
    public const string ComposerName = "extractive";

    public string Name => ComposerName;

    public ComposedAnswer Answer(string question, IReadOnlyList<RetrievedPassage> passages) => new(Compose(question, passages), []);

    private const int MinSentenceWords = 5;

    public IReadOnlyList<ComposedSentence> Compose(string question, IReadOnlyList<RetrievedPassage> passages)
    {
        var best = passages.Count == 0 ? 0 : passages.Max(p => p.Score);
        if (best < options.MinPassageScore)
        {
            return [];
        }

        // Passage numbers are positions in the list given, whatever order the retriever ranked them in.
        var candidates = passages
            .Select((p, index) => (Passage: p, Number: index + 1))
            .Where(x => x.Passage.Score >= best - options.PassageScoreMargin)
            .SelectMany(x => SentenceSplitter.Split(x.Passage.Passage.Text)
                .Select((sentence, order) => new Candidate(sentence, x.Number, order, x.Passage.Score, Terms.Extract(sentence).ToHashSet())))
            .Where(c => c.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinSentenceWords)
            .ToList();
        var coverage = TermCoverage.ForQuestion(question, candidates.Select(c => c.Terms).ToList());
        if (coverage.IsEmpty)
        {
            return [];
        }

        var ranked = candidates
            .Select(c => (Candidate: c, Coverage: coverage.Of(c.Terms)))
            .Where(x => x.Coverage >= options.MinSentenceCoverage)
            // Coverage of the question decides; the passage's own similarity breaks ties towards better passages.
            .OrderByDescending(x => x.Coverage * (0.5 + (0.5 * x.Candidate.PassageScore / best)))
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

    private static double Overlap(HashSet<string> a, HashSet<string> b) =>
        a.Count == 0 || b.Count == 0 ? 0 : (double)a.Intersect(b).Count() / Math.Min(a.Count, b.Count);

    private sealed record Candidate(string Text, int PassageNumber, int Order, double PassageScore, HashSet<string> Terms);
}
