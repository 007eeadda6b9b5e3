using System.Text.RegularExpressions;
using Workbench.Core.Text;

namespace Workbench.Core.Evaluation;

/// <summary>Overlap of an answer with one reference answer, as summarisation and reading-comprehension benchmarks score it.</summary>
public static partial class AnswerMetrics
{
    /// <summary>Longer texts are cut here: the longest-common-subsequence table grows with the product of both lengths.</summary>
    public const int MaxTokens = 4000;

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    /// <summary>Lower-cased words (letters and digits), punctuation dropped: ROUGE's tokens.</summary>
    public static IReadOnlyList<string> Tokens(string text) =>
        Word().Matches(text).Take(MaxTokens).Select(m => m.Value.ToLowerInvariant()).ToList();

    /// <summary>ROUGE-L F1: the longest common subsequence of words, as a share of each text, combined harmonically.</summary>
    public static double RougeLF1(string candidate, string reference)
    {
        var c = Tokens(candidate);
        var r = Tokens(reference);
        if (c.Count == 0 || r.Count == 0)
        {
            return 0;
        }

        // One row of the LCS table at a time.
        var previous = new int[r.Count + 1];
        var current = new int[r.Count + 1];
        foreach (var word in c)
        {
            for (var j = 1; j <= r.Count; j++)
            {
                current[j] = word == r[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return F1(previous[r.Count], c.Count, r.Count);
    }

    /// <summary>SQuAD-style token F1: the bags of lower-cased words, punctuation and stop words removed, overlapping.</summary>
    public static double TokenF1(string candidate, string reference)
    {
        var c = Tokens(candidate).Where(t => !Terms.IsStopWord(t)).ToList();
        var r = Tokens(reference).Where(t => !Terms.IsStopWord(t)).ToList();
        if (c.Count == 0 || r.Count == 0)
        {
            return 0;
        }

        var remaining = r.CountBy(t => t).ToDictionary(p => p.Key, p => p.Value);
        var common = 0;
        foreach (var token in c)
        {
            if (remaining.TryGetValue(token, out var left) && left > 0)
            {
                remaining[token] = left - 1;
                common++;
            }
        }

        return F1(common, c.Count, r.Count);
    }

    public static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static double F1(int overlap, int candidate, int reference)
    {
        if (overlap == 0)
        {
            return 0;
        }

        var precision = (double)overlap / candidate;
        var recall = (double)overlap / reference;
        return 2 * precision * recall / (precision + recall);
    }
}
