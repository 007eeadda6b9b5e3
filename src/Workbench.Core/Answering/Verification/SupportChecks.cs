using System.Text.RegularExpressions;
using Workbench.Core.Text;

namespace Workbench.Core.Answering.Verification;

/// <summary>
/// Model-free checks of whether a passage can support a sentence: numbers with their units and periods
/// must be in the passage (<see cref="Quantities"/>), negation must agree part by part (<see cref="Polarity"/>),
/// nothing may stand in the place of the passage's words that the passage uses for something else or
/// that turns it round (<see cref="Swaps"/>, <see cref="Preferences"/>), no joined clause may be the
/// sentence's own, populations named must be the passage's, and the sentence's content words must be there.
/// </summary>
public static class SupportChecks
{
    private static readonly string[] Populations =
    [
        "child", "children", "pediatric", "paediatric", "adolescent", "adolescents", "infant", "infants", "newborn", "newborns", "neonate", "neonates",
        "adult", "adults", "pregnant", "pregnancy", "postpartum", "breastfeeding", "older", "elderly", "women", "men", "girls", "boys",
        "type 1", "type 2", "nonpregnant", "immunocompromised", "immunocompetent", "smokers", "nonsmokers",
    ];

    /// <summary>Reasons the passage cannot support the sentence; empty when none is found.</summary>
    public static IReadOnlyList<string> Contradictions(string sentence, string passage)
    {
        var reasons = Quantities.Mismatches(sentence, passage).ToList();

        if (Polarity.Contradiction(sentence, passage) is { } negation)
        {
            reasons.Add(negation);
        }

        if (Swaps.Find(sentence, passage) is { } term)
        {
            reasons.Add(term);
        }

        if (Preferences.Contradiction(sentence, passage) is { } swapped)
        {
            reasons.Add(swapped);
        }

        if (AddedClause(sentence, passage) is { } added)
        {
            reasons.Add(added);
        }

        var lowerPassage = passage.ToLowerInvariant();
        foreach (var population in Populations.Where(p => ContainsPhrase(sentence.ToLowerInvariant(), p) && !Forms(p).Any(f => ContainsPhrase(lowerPassage, f))))
        {
            reasons.Add($"the passage does not speak of '{population}'");
        }

        return reasons;
    }

    /// <summary>Below this share of its words in the passage, a joined clause is a claim of its own.</summary>
    private const double AddedClauseCoverage = 0.4;

    /// <summary>
    /// A clause joined to the first (of three content words or more) that the passage mostly lacks: a claim
    /// added to a supported one ("…, and it also reduces all-cause mortality") that the share of the whole
    /// sentence's words would hide.
    /// </summary>
    private static string? AddedClause(string sentence, string passage)
    {
        return Alignment.Clauses(sentence).Skip(1).Select(c => (Clause: c, Terms: Terms.Extract(c).Where(t => !t.Any(char.IsDigit)).ToHashSet()))
            .Where(c => c.Terms.Count >= 3 && Coverage(c.Clause, passage) < AddedClauseCoverage)
            .Select(c => $"the passage does not say that {c.Clause}")
            .FirstOrDefault();
    }

    /// <summary>The share of the sentence's content terms (lightly stemmed) that the passage contains.</summary>
    public static double Coverage(string sentence, string passage)
    {
        var terms = Terms.Extract(sentence).Where(t => !t.Any(char.IsDigit)).ToHashSet();
        if (terms.Count == 0)
        {
            return 1;
        }

        var passageTerms = Terms.Extract(passage).ToHashSet();
        return terms.Count(passageTerms.Contains) / (double)terms.Count;
    }

    /// <summary>One compiled pattern per phrase: the static Regex cache holds too few for every population form.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> PhrasePatterns = new(StringComparer.Ordinal);

    private static bool ContainsPhrase(string text, string phrase) =>
        PhrasePatterns.GetOrAdd(phrase, p => new Regex($@"\b{Regex.Escape(p)}\b", RegexOptions.Compiled)).IsMatch(text);

    /// <summary>A population word in singular and plural: adult, adults; child, children.</summary>
    private static IEnumerable<string> Forms(string word) =>
        word.EndsWith("ren", StringComparison.Ordinal) ? [word, word[..^3]]
        : word == "child" ? [word, "children"]
        : [word, word + "s", word.TrimEnd('s')];
}
