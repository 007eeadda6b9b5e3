using System.Text.RegularExpressions;

namespace Workbench.Core.Text;

/// <summary>
/// Splits prose into sentences. Clinical text is full of abbreviations ("U.S.", "e.g.", "vs.") and
/// decimals ("2.5 mg"), so a boundary needs end punctuation, white space and an upper-case or digit start.
/// </summary>
public static partial class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g.", "i.e.", "vs.", "al.", "etc.", "u.s.", "dr.", "fig.", "no.", "approx.", "ca.", "st.", "mr.", "ms.", "mrs.", "inc.", "jr.", "sr.", "u.k.",
    };

    [GeneratedRegex(@"[.!?][""')\]]*\s+(?=[""'(\[]?[A-Z0-9])")]
    private static partial Regex Boundary();

    public static IReadOnlyList<string> Split(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        foreach (Match match in Boundary().Matches(text))
        {
            var candidateEnd = match.Index + 1;
            if (IsAbbreviation(text, match.Index))
            {
                continue;
            }

            AddTrimmed(sentences, text[start..candidateEnd]);
            start = match.Index + match.Length;
        }

        AddTrimmed(sentences, text[start..]);
        return sentences;
    }

    private static bool IsAbbreviation(string text, int periodIndex)
    {
        if (text[periodIndex] != '.')
        {
            return false;
        }

        var wordStart = periodIndex;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] != '(')
        {
            wordStart--;
        }

        var word = text[wordStart..(periodIndex + 1)];
        // Single capital initials ("J.") are abbreviations too.
        return Abbreviations.Contains(word) || (word.Length == 2 && char.IsUpper(word[0]));
    }

    private static void AddTrimmed(List<string> sentences, string sentence)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Length > 0)
        {
            sentences.Add(trimmed);
        }
    }
}
