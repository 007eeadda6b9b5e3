using System.Text.RegularExpressions;
using Workbench.Core.Text;

namespace Workbench.Core.Answering;

/// <summary>
/// The answer text format shared by every composer: sentences each followed by citation markers such
/// as <c>[1]</c> or <c>[1, 3]</c> naming the passages, numbered as they were given to the composer.
/// </summary>
public static partial class CitedText
{
    /// <summary>What a composer replies when the passages do not answer the question.</summary>
    public const string InsufficientEvidence = "INSUFFICIENT_EVIDENCE";

    /// <summary>Starts a line naming a part of the question the passages do not answer.</summary>
    public const string NotFoundMarker = "NOT_IN_CORPUS:";

    public static string Format(IEnumerable<ComposedSentence> sentences) =>
        string.Join(' ', sentences.Select(s => $"{s.Text} [{s.PassageNumber}]"));

    /// <summary>The sentences, then one marker line per unanswered part of the question.</summary>
    public static string Format(ComposedAnswer answer) =>
        answer.Sentences.Count == 0
            ? InsufficientEvidence
            : string.Join('\n', answer.Unanswered.Select(part => $"{NotFoundMarker} {part}").Prepend(Format(answer.Sentences)));

    /// <summary>The parts of the question a reply marks as not answered by the passages.</summary>
    public static IReadOnlyList<string> Unanswered(string reply) =>
        reply.ReplaceLineEndings("\n").Split('\n')
            .Where(line => line.StartsWith(NotFoundMarker, StringComparison.Ordinal))
            .Select(line => line[NotFoundMarker.Length..].Trim())
            .Where(part => part.Length > 0)
            .ToList();

    /// <summary>The fixed notice shown above an answer that leaves parts of the question unanswered.</summary>
    public static string? NotFoundNotice(IReadOnlyList<string> parts) =>
        parts.Count == 0 ? null : $"Not found in the corpus: {string.Join("; ", parts.Select(p => $"\u201c{p}\u201d"))}.";

    [GeneratedRegex(@"\s*\[(\d+(?:\s*,\s*\d+)*)\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"([.!?])((?:\s*\[\d+(?:\s*,\s*\d+)*\])+)")]
    private static partial Regex MarkersAfterPunctuation();

    /// <summary>
    /// Splits a reply into sentences with the passage numbers each cites. Numbers outside
    /// 1..<paramref name="passageCount"/> are discarded; a sentence left without a citation is dropped,
    /// because nothing in an answer may stand without a source.
    /// </summary>
    public static IReadOnlyList<AnswerSentence> Parse(string reply, int passageCount)
    {
        if (reply.Contains(InsufficientEvidence, StringComparison.Ordinal))
        {
            return [];
        }

        // "Claim. [1] Next claim." reads as "Claim [1]. Next claim." so markers stay with their sentence.
        var cited = string.Join(' ', reply.ReplaceLineEndings("\n").Split('\n').Where(line => !line.StartsWith(NotFoundMarker, StringComparison.Ordinal)));
        var normalised = MarkersAfterPunctuation().Replace(cited, "$2$1");
        var sentences = new List<AnswerSentence>();
        foreach (var sentence in SentenceSplitter.Split(normalised))
        {
            var numbers = Marker().Matches(sentence)
                .SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries))
                .Select(s => int.TryParse(s, out var n) ? n : 0)
                .Where(n => n >= 1 && n <= passageCount)
                .Distinct()
                .ToList();
            var text = Marker().Replace(sentence, string.Empty).Trim();
            if (numbers.Count > 0 && text.Length > 0)
            {
                sentences.Add(new AnswerSentence(text, numbers));
            }
        }

        return sentences;
    }
}
