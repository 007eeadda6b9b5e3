using System.Text.RegularExpressions;
using Workbench.Core.Text;

namespace Workbench.Core.Answering;

/// <summary>
/// The default quoting composer. It answers from the best document (its best passage's similarity, plus a
/// little when its title or heading names what the question asks for), quotes that document's retrieved
/// passages in source order up to a length cap, without question headings, glued headings, list fragments,
/// cross-references or repeats; a yes/no question about a finding, or any question a research abstract
/// answers, gets the sentences of the best passage that best cover it.
/// Each part of a multi-part question the chosen sentences leave unanswered is answered from another
/// document when one covers it, and otherwise reported as not found in the corpus. It abstains when the
/// best passage is weak, when the chosen document lacks much of the question's content, or when the
/// question asks for a kind of content (causes, treatment, …) the document does not speak of.
/// </summary>
public sealed partial class FocusedComposer(FocusedComposerOptions options) : IAnswerComposer
{
    public const string ComposerName = "focused";

    private const int MinSentenceWords = 4;
    private const int MaxHeadingWords = 12;

    private const RegexOptions Matching = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    private static readonly Regex CrossReference = new(@"^(See|Visit|Click|Read more|Learn more)\b|\bfor more information\b|\bclick here\b", Matching | RegexOptions.IgnoreCase);

    private static readonly Regex ListMarker = new(@"(^|\s)[-•*]\s", Matching);

    private static readonly Regex LineBreak = new(@"\s{2,}", Matching);

    private static readonly HashSet<string> HeadingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "cause", "causes", "symptom", "symptoms", "signs", "treatment", "treatments", "diagnosis", "tests", "overview",
        "outlook", "prognosis", "prevention", "risk", "risks", "types", "complications", "summary", "introduction", "background",
    };

    public string Name => ComposerName;

    public ComposedAnswer Answer(string question, IReadOnlyList<RetrievedPassage> passages)
    {
        if (passages.Count == 0 || passages.Max(p => p.Score) < options.MinPassageScore)
        {
            return ComposedAnswer.None;
        }

        var type = QuestionAnalysis.TypeOf(question);
        var numbered = passages.Select((p, i) => (Passage: p, Number: i + 1)).ToList();
        var document = numbered
            .GroupBy(x => x.Passage.Passage.DocumentId)
            .Select((g, rank) => (Passages: g.ToList(), Rank: rank, Score: g.Max(x => x.Passage.Score)
                + (g.Any(x => QuestionAnalysis.SpeaksTo(type, $"{x.Passage.Passage.Source.Title} {x.Passage.Passage.Heading}")) && type != QuestionType.General ? options.TypeBonus : 0)))
            .OrderByDescending(d => d.Score)
            .ThenBy(d => d.Rank)
            .First();

        var all = numbered.SelectMany(x => Sentences(x.Passage, x.Number)).ToList();
        var candidates = all.Select(s => s.Terms).ToList();
        var coverage = TermCoverage.ForQuestion(question, candidates);
        // Consecutive passages of a document share sentences (chunk overlap): each is quoted once.
        var own = all.Where(s => document.Passages.Any(p => p.Number == s.PassageNumber))
            .OrderBy(s => s.ChunkIndex).ThenBy(s => s.Order).DistinctBy(s => s.Text).ToList();
        // The document's title and headings name what it is about as much as its sentences do.
        var labels = string.Join(' ', document.Passages.Select(p => $"{p.Passage.Passage.Source.Title} {p.Passage.Passage.Heading}").Distinct());
        var documentTerms = own.SelectMany(s => s.Terms).Concat(Terms.Extract(labels)).ToHashSet();
        var parts = QuestionAnalysis.Parts(question);
        // One part well covered is enough to answer: the others are then answered elsewhere or named as not found.
        if (coverage.IsEmpty || own.Count == 0
            || parts.Max(p => TermCoverage.ForQuestion(p, candidates).Of(documentTerms)) < options.MinDocumentCoverage)
        {
            return ComposedAnswer.None;
        }

        // A research abstract answers with its findings wherever they are; other documents lead with their answer.
        var findings = type == QuestionType.Finding || document.Passages[0].Passage.Passage.Source.Type == DocumentType.Research;
        var chosen = findings ? BestCovering(own, document.Passages.MaxBy(p => p.Passage.Score).Number, coverage) : Lead(own);

        // A question asking for causes, a dose, a treatment … is not answered by a document that speaks of none.
        if (!findings && options.TypeMatch != TypeMatch.None && type != QuestionType.Definition
            && !QuestionAnalysis.SpeaksTo(type, labels)
            && (options.TypeMatch == TypeMatch.Labels || !chosen.Any(s => QuestionAnalysis.SpeaksTo(type, s.Text))))
        {
            return ComposedAnswer.None;
        }
        var unanswered = new List<string>();
        if (parts.Count > 1)
        {
            foreach (var (part, terms) in parts.Select(p => (p, Distinctive(p, parts))))
            {
                if (terms.Count == 0 || Covers(chosen.SelectMany(s => s.Terms).ToHashSet(), terms) >= options.MinPartCoverage)
                {
                    continue;
                }

                var best = all.Except(chosen).MaxBy(s => Covers(s.Terms, terms));
                if (best is not null && Covers(best.Terms, terms) >= options.MinPartCoverage)
                {
                    chosen.Add(best);
                }
                else
                {
                    unanswered.Add(part);
                }
            }
        }

        // The chosen document in source order first, then what other documents add for the other parts.
        return new ComposedAnswer(chosen.Select(s => new ComposedSentence(s.Text, s.PassageNumber)).ToList(), unanswered);
    }

    /// <summary>The document's sentences from its start, in source order, until the length cap.</summary>
    private List<Sentence> Lead(List<Sentence> sentences)
    {
        var chosen = new List<Sentence>();
        var words = 0;
        foreach (var sentence in sentences)
        {
            if (words >= options.MaxWords)
            {
                break;
            }

            chosen.Add(sentence);
            words += sentence.Words;
        }

        return chosen;
    }

    /// <summary>
    /// The best passage's sentences that cover the question nearly as well as its best one: in an
    /// abstract the passage closest to the question holds the finding, and its other sentences are
    /// numbers and methods the answer does without.
    /// </summary>
    private List<Sentence> BestCovering(List<Sentence> sentences, int bestPassage, TermCoverage<string> coverage)
    {
        var passage = sentences.Where(s => s.PassageNumber == bestPassage).ToList();
        var pool = passage.Count > 0 ? passage : sentences;
        var best = pool.Max(s => coverage.Of(s.Terms));
        return pool.Where(s => coverage.Of(s.Terms) >= options.FindingCoverageShare * best).ToList();
    }

    /// <summary>Share of a part's distinctive words a text holds.</summary>
    private static double Covers(HashSet<string> text, HashSet<string> terms) => (double)terms.Count(text.Contains) / terms.Count;

    /// <summary>The part's content words that no other part has: what only this part asks.</summary>
    private static HashSet<string> Distinctive(string part, IReadOnlyList<string> parts)
    {
        var others = parts.Where(p => p != part).SelectMany(Terms.Extract).ToHashSet();
        return Terms.Extract(part).Where(t => !others.Contains(t)).ToHashSet();
    }

    /// <summary>
    /// The passage's sentences fit to quote: question headings, list fragments and cross-references left
    /// out, a heading glued to the start of a sentence cut off, and overlap with the previous passage of
    /// the same document not repeated.
    /// </summary>
    private static IEnumerable<Sentence> Sentences(RetrievedPassage retrieved, int number)
    {
        var passage = retrieved.Passage;
        var order = 0;
        foreach (var raw in SentenceSplitter.Split(passage.Text))
        {
            var text = WithoutHeading(raw, passage.Heading);
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (words < MinSentenceWords || text.EndsWith('?') || ListMarker.IsMatch(text) || CrossReference.IsMatch(text))
            {
                continue;
            }

            yield return new Sentence(text, number, passage.ChunkIndex, order++, words, Terms.Extract(text).ToHashSet());
        }
    }

    /// <summary>
    /// The sentence without a heading run into it: text before a line break (a run of spaces) that has no
    /// end punctuation, a phrase repeated at the start ("Stem cell transplant Stem cell transplant is …"),
    /// or leading capitalised heading words ("Other Causes Heart attack can …"). The rest is still the
    /// passage's own words, cut at a word boundary.
    /// </summary>
    public static string WithoutHeading(string sentence, string heading)
    {
        var text = sentence;
        foreach (var gap in LineBreak.EnumerateMatches(sentence))
        {
            var before = sentence[..gap.Index];
            if (before.Length > 0 && !".!?:;".Contains(before[^1], StringComparison.Ordinal) && Words(before).Length <= MaxHeadingWords)
            {
                text = sentence[(gap.Index + gap.Length)..];
            }

            break;
        }

        text = text.Trim();
        if (heading.Length > 0 && text.StartsWith(heading + " ", StringComparison.OrdinalIgnoreCase) && text.Length > heading.Length + 1 && char.IsUpper(text[heading.Length + 1]))
        {
            text = text[(heading.Length + 1)..];
        }

        var words = Words(text);
        for (var n = 1; n <= Math.Min(MaxHeadingWords, words.Length / 2); n++)
        {
            if (words.Take(n).SequenceEqual(words.Skip(n).Take(n), StringComparer.OrdinalIgnoreCase))
            {
                return Skip(text, n);
            }
        }

        // "Other Causes Heart attack also …": capitalised words naming a section, then the sentence's own capitalised start.
        var capitalised = words.TakeWhile(w => w.Length > 0 && char.IsUpper(w[0])).Count();
        return capitalised >= 2 && capitalised < words.Length && capitalised - 1 <= MaxHeadingWords
            && words.Take(capitalised - 1).Any(w => HeadingWords.Contains(w.TrimEnd(':')))
            ? Skip(text, capitalised - 1)
            : text;
    }

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The text after its first <paramref name="count"/> words.</summary>
    private static string Skip(string text, int count)
    {
        var index = 0;
        for (var i = 0; i < count; i++)
        {
            index = text.IndexOf(' ', index);
            while (index < text.Length && text[index] == ' ')
            {
                index++;
            }
        }

        return text[index..];
    }

    private sealed record Sentence(string Text, int PassageNumber, int ChunkIndex, int Order, int Words, HashSet<string> Terms);
}
