using System.Text.RegularExpressions;
using Workbench.Core.Domain;
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

    public static string Format(IEnumerable<ComposedSentence> sentences) =>
        string.Join(' ', sentences.Select(s => $"{s.Text} [{s.PassageNumber}]"));

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
        var normalised = MarkersAfterPunctuation().Replace(reply.ReplaceLineEndings(" "), "$2$1");
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
