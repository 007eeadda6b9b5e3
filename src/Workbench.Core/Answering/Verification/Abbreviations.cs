namespace Workbench.Core.Answering.Verification;

/// <summary>
/// Whether a word is an abbreviation of a phrase the text spells out: "NSAIDs" for "nonsteroidal
/// anti-inflammatory drugs", "NTCA" for "National Tuberculosis Controllers Association". Each word of the
/// phrase gives its first letter and may give more of its letters in order ("nonSteroidal"), so three
/// letters or more may come from one word ("ECG" for "electrocardiography"); stop words in between may
/// be skipped.
/// </summary>
public static class Abbreviations
{
    public static bool Expands(string word, IReadOnlyList<Token> text)
    {
        var letters = word.EndsWith('s') && word.Length > 2 && char.IsUpper(word[^2]) ? word[..^1] : word;
        if (letters.Length is < 2 or > 8 || !letters.All(char.IsLetter) || letters.Count(char.IsUpper) < 2)
        {
            return false;
        }

        var lower = letters.ToLowerInvariant();
        return Enumerable.Range(0, text.Count).Any(start => Matches(lower, 0, text, start, words: 0));
    }

    private static bool Matches(string letters, int next, IReadOnlyList<Token> text, int word, int words)
    {
        if (next == letters.Length)
        {
            return words >= 2 || letters.Length >= 3;
        }

        if (word >= text.Count)
        {
            return false;
        }

        var spelled = text[word].Text.ToLowerInvariant();
        if (spelled[0] != letters[next])
        {
            return !text[word].IsContent && words > 0 && Matches(letters, next, text, word + 1, words);
        }

        // The word gives its first letter, then possibly a few more of its letters, in order.
        var taken = next + 1;
        for (var i = 1; ; i++)
        {
            if (Matches(letters, taken, text, word + 1, words + 1))
            {
                return true;
            }

            if (taken == letters.Length || (i = spelled.IndexOf(letters[taken], i)) < 0)
            {
                return false;
            }

            taken++;
        }
    }
}
