using Workbench.Core.Text;

namespace Workbench.Core.Retrieval;

/// <summary>
/// How much a question's exact words should count against its meaning. Specific terms (codes and
/// numbers, symbols written in capitals such as gene names, words shaped like drug or disease names)
/// are what dense embeddings blur and word matching finds; everyday wording is better served by
/// meaning alone. The emphasis scales the configured sparse and lexical weights: 1 when a quarter of the
/// question's content words are specific, 0 when none is, at most 2.
/// </summary>
public static class SparseEmphasis
{
    public const double Maximum = 2;

    /// <summary>The share of specific content words at which the configured weights apply unchanged.</summary>
    private const double ReferenceShare = 0.25;

    private static readonly char[] Separators = [' ', '\t', '\r', '\n', ',', ';', ':', '?', '!', '(', ')', '[', ']', '"', '\''];

    /// <summary>Endings of drug stems (INN), procedures and diseases: words that name one thing.</summary>
    private static readonly string[] SpecificEndings =
    [
        "mab", "nib", "pril", "sartan", "olol", "statin", "cillin", "mycin", "cycline", "azole", "vir", "dipine", "prazole", "gliptin",
        "parin", "xaban", "floxacin", "tidine", "triptan", "setron", "lukast", "afil", "oxetine", "azepam", "caine", "profen", "formin",
        "itis", "osis", "emia", "oma", "pathy", "plasia", "trophy", "algia", "ectomy", "otomy", "plasty", "scopy",
    ];

    public static double Of(string question)
    {
        var tokens = question.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim('.', '-', '/')).Where(t => t.Length > 0).Where(t => !Terms.IsStopWord(t.ToLowerInvariant()) && (t.Length >= 2 || char.IsDigit(t[0]))).ToList();
        if (tokens.Count == 0)
        {
            return 0;
        }

        // A message typed in capitals says nothing about which of its words are symbols.
        var shouting = tokens.Count(t => t.Any(char.IsLetter) && t.All(c => !char.IsLower(c))) * 2 > tokens.Count;
        var specific = tokens.Count(t => IsSpecific(t, shouting));
        return Math.Min(Maximum, (double)specific / tokens.Count / ReferenceShare);
    }

    private static bool IsSpecific(string token, bool shouting) =>
        token.Any(char.IsDigit)
        || (!shouting && token.Count(char.IsUpper) >= 2)
        || SpecificEndings.Any(ending => token.Length >= ending.Length + 3 && token.EndsWith(ending, StringComparison.OrdinalIgnoreCase));
}
