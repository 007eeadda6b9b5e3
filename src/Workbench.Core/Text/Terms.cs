using System.Text.RegularExpressions;

namespace Workbench.Core.Text;

/// <summary>
/// Content words of a text for lexical matching: lower-cased, stop words removed, light suffix
/// stripping. Tokens such as "HbA1c", "COVID-19" or "2.5" are kept whole.
/// </summary>
public static partial class Terms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "been", "by", "can", "could", "did", "do", "does", "for", "from",
        "had", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "may", "might", "of", "on", "or",
        "should", "so", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
        "to", "was", "were", "what", "when", "where", "which", "who", "whom", "why", "will", "with", "would", "you",
        "your", "we", "our", "about", "after", "before", "any", "all", "also", "such", "other", "not", "no",
        "recommended", "recommend", "recommendation", "recommendations", "patient", "patients", "people", "person",
    };

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[-.'/][\p{L}\p{N}]+)*")]
    private static partial Regex Token();

    public static bool IsStopWord(string token) => StopWords.Contains(token);

    public static IReadOnlyList<string> Extract(string text) => Extract(text, Stem);

    /// <summary>The same content words, stemmed by <paramref name="stem"/> instead of the light stemmer.</summary>
    public static IReadOnlyList<string> Extract(string text, Func<string, string> stem)
    {
        var terms = new List<string>();
        foreach (Match match in Token().Matches(text))
        {
            var token = match.Value.ToLowerInvariant();
            if (token.Length < 2 && !char.IsDigit(token[0]))
            {
                continue;
            }

            if (StopWords.Contains(token))
            {
                continue;
            }

            terms.Add(stem(token));
            // "low-dose" also matches "dose", "high-risk" also "risk"; the whole token stays for exact matches.
            if (token.Contains('-', StringComparison.Ordinal))
            {
                terms.AddRange(token.Split('-').Where(part => part.Length >= 2 && !StopWords.Contains(part)).Select(stem));
            }
        }

        return terms;
    }

    /// <summary>A deliberately light stemmer (plurals, -ion, -ive, -ing, -ed, final e), never applied to tokens with digits.</summary>
    public static string Stem(string token)
    {
        if (token.Length <= 4 || token.Any(char.IsDigit))
        {
            return token;
        }

        if (token.EndsWith("ies", StringComparison.Ordinal))
        {
            token = token[..^3] + "y";
        }
        else if (token.EndsWith('s') && !token.EndsWith("ss", StringComparison.Ordinal)
                 && !token.EndsWith("us", StringComparison.Ordinal) && !token.EndsWith("is", StringComparison.Ordinal))
        {
            token = token[..^1];
        }

        if (token.EndsWith("ion", StringComparison.Ordinal) && token.Length >= 8)
        {
            token = token[..^3];
        }
        else if (token.EndsWith("ive", StringComparison.Ordinal) && token.Length >= 8)
        {
            token = token[..^3];
        }
        else if (token.EndsWith("ing", StringComparison.Ordinal) && token.Length >= 7)
        {
            token = token[..^3];
        }
        else if (token.EndsWith("ed", StringComparison.Ordinal) && token.Length >= 6)
        {
            token = token[..^2];
        }

        return token.EndsWith('e') && token.Length >= 5 ? token[..^1] : token;
    }
}
