using System.Text.RegularExpressions;
using Workbench.Core.Text;

namespace Workbench.Core.Answering.Verification;

/// <summary>
/// Model-free checks of whether a passage can support a sentence: numbers with their units must be in
/// the passage, negation and direction words must agree with the passage sentence that says the same
/// thing, populations named must be the passage's, and the sentence's content words must be there.
/// </summary>
public static partial class SupportChecks
{
    private static readonly HashSet<string> Negations = new(StringComparer.OrdinalIgnoreCase)
    {
        "not", "no", "never", "without", "against", "avoid", "avoided", "none", "neither", "nor", "cannot", "insufficient", "unlikely",
        "don't", "doesn't", "shouldn't", "isn't", "aren't", "wasn't", "weren't", "didn't", "won't", "discourages", "contraindicated",
        "avoiding", "avoids", "instead", "rather",
    };

    /// <summary>Words whose swap turns a statement around; each is checked against the matching passage sentence.</summary>
    private static readonly (string A, string B)[] Opposites =
    [
        ("increase", "decrease"), ("increase", "reduce"), ("increases", "decreases"), ("increases", "reduces"), ("increased", "decreased"), ("increased", "reduced"),
        ("higher", "lower"), ("more", "less"), ("more", "fewer"), ("above", "below"), ("before", "after"), ("benefit", "harm"), ("greater", "smaller"),
        ("maximum", "minimum"), ("raises", "lowers"), ("raise", "lower"), ("rise", "fall"), ("superior", "inferior"), ("longer", "shorter"),
        ("start", "stop"), ("continue", "stop"), ("continue", "discontinue"), ("recommended", "discouraged"), ("safe", "unsafe"),
        ("ever", "never"), ("raise", "lower"), ("start", "withhold"), ("start", "delay"), ("initiate", "delay"), ("early", "late"),
        ("earlier", "later"), ("first", "last"), ("all", "some"), ("increase", "lower"), ("improve", "worsen"),
    ];

    /// <summary>Words that state a preference or comparison between what comes before and what comes after them.</summary>
    [GeneratedRegex(@"\b(instead of|rather than|in preference to|over|than|versus|vs\.?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PreferenceCue();

    private static readonly string[] Populations =
    [
        "child", "children", "pediatric", "paediatric", "adolescent", "adolescents", "infant", "infants", "newborn", "newborns", "neonate", "neonates",
        "adult", "adults", "pregnant", "pregnancy", "postpartum", "breastfeeding", "older", "elderly", "women", "men", "girls", "boys",
        "type 1", "type 2", "nonpregnant", "immunocompromised", "immunocompetent", "smokers", "nonsmokers",
    ];

    [GeneratedRegex(@"[\p{L}']+")]
    private static partial Regex Word();

    /// <summary>Reasons the passage cannot support the sentence; empty when none is found.</summary>
    public static IReadOnlyList<string> Contradictions(string sentence, string passage)
    {
        var reasons = Quantities.Mismatches(sentence, passage).ToList();

        var clauses = Clauses(passage);
        foreach (var clause in Clauses(sentence).Where(c => Terms.Extract(c).Count >= 2))
        {
            var closest = Closest(clause, clauses);
            if (closest.All(c => Polarity(c) != Polarity(clause)))
            {
                reasons.Add("the passage says the opposite (negation differs)");
                break;
            }
        }

        var sentenceWords = Lemmas(sentence);
        var passageWords = Lemmas(passage);
        var closestWords = Lemmas(string.Join(' ', Closest(sentence, SentenceSplitter.Split(passage))));
        foreach (var (a, b) in Opposites.Select(o => (Lemma(o.A), Lemma(o.B))))
        {
            if ((sentenceWords.Contains(a) && !passageWords.Contains(a) && closestWords.Contains(b))
                || (sentenceWords.Contains(b) && !passageWords.Contains(b) && closestWords.Contains(a)))
            {
                reasons.Add($"'{(sentenceWords.Contains(a) ? a : b)}' where the passage says '{(sentenceWords.Contains(a) ? b : a)}'");
            }
        }

        if (SwappedPreference(sentence, passage) is { } swapped)
        {
            reasons.Add(swapped);
        }

        var lowerPassage = passage.ToLowerInvariant();
        foreach (var population in Populations.Where(p => ContainsPhrase(sentence.ToLowerInvariant(), p) && !Forms(p).Any(f => ContainsPhrase(lowerPassage, f))))
        {
            reasons.Add($"the passage does not speak of '{population}'");
        }

        return reasons;
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

    /// <summary>The units sharing the most content terms with the text (all of them when tied).</summary>
    private static IReadOnlyList<string> Closest(string text, IReadOnlyList<string> units)
    {
        var terms = Terms.Extract(text).ToHashSet();
        var scored = units.Select(u => (Unit: u, Shared: Terms.Extract(u).ToHashSet().Count(terms.Contains))).ToList();
        var best = scored.Select(s => s.Shared).DefaultIfEmpty(0).Max();
        return scored.Where(s => s.Shared == best).Select(s => s.Unit).ToList();
    }

    /// <summary>Sentences cut at clause boundaries, so "A is not advised, and B is" keeps each polarity apart.</summary>
    private static IReadOnlyList<string> Clauses(string text) =>
        SentenceSplitter.Split(text)
            .SelectMany(s => ClauseBoundary().Split(s))
            .Select(c => c.Trim())
            .Where(c => c.Length > 0)
            .ToList();

    [GeneratedRegex(@";|,\s*(?:and|but|while|whereas|which|although|because)\s+|\s+(?:but|because|whereas|although)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBoundary();

    /// <summary>
    /// "X instead of Y" against "Y instead of X" (or "X is more … than Y" against the reverse): the
    /// terms only one side names must not trade places between the sentence and the passage.
    /// </summary>
    private static string? SwappedPreference(string sentence, string passage)
    {
        foreach (var clause in Clauses(sentence))
        {
            if (Sides(clause) is not var (preferred, other))
            {
                continue;
            }

            foreach (var passageClause in Clauses(passage))
            {
                if (Sides(passageClause) is var (passagePreferred, passageOther)
                    && other.Overlaps(passagePreferred)
                    && preferred.Count(passageOther.Contains) > preferred.Count(passagePreferred.Contains))
                {
                    return "the passage prefers the other way round";
                }
            }
        }

        return null;
    }

    private static (HashSet<string> Before, HashSet<string> After)? Sides(string clause)
    {
        var cue = PreferenceCue().Match(clause);
        if (!cue.Success)
        {
            return null;
        }

        var before = Terms.Extract(clause[..cue.Index]).TakeLast(3).ToHashSet();
        var after = Terms.Extract(clause[(cue.Index + cue.Length)..]).Take(3).ToHashSet();
        var shared = before.Intersect(after).ToList();
        before.ExceptWith(shared);
        after.ExceptWith(shared);
        return before.Count > 0 && after.Count > 0 ? (before, after) : null;
    }

    /// <summary>Odd or even count of negation words: two negations cancel.</summary>
    private static bool Polarity(string text)
    {
        var words = Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
        var count = words.Count(w => Negations.Contains(w) || w.EndsWith("n't", StringComparison.Ordinal));
        // "Not only" and "no more than" limit rather than negate.
        count -= Regex.Matches(text, @"\b(not only|no more than|no less than|no later than|not exceed)\b", RegexOptions.IgnoreCase).Count;
        return count % 2 == 1;
    }

    private static HashSet<string> Lemmas(string text) => Word().Matches(text.ToLowerInvariant()).Select(m => Lemma(m.Value)).ToHashSet();

    /// <summary>A crude lemma for matching word families: stopping, stopped, stops → stop.</summary>
    private static string Lemma(string word)
    {
        word = word.ToLowerInvariant();
        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5)
        {
            word = word[..^3];
        }
        else if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4)
        {
            word = word[..^2];
        }
        else if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && word.Length > 3)
        {
            word = word[..^1];
        }

        if (word.Length > 3 && word[^1] == word[^2] && !"aeiouls".Contains(word[^1]))
        {
            word = word[..^1];
        }

        return word.Length > 3 && word.EndsWith('e') ? word[..^1] : word;
    }

    private static bool ContainsPhrase(string text, string phrase) => Regex.IsMatch(text, $@"\b{Regex.Escape(phrase)}\b");

    /// <summary>A population word in singular and plural: adult, adults; child, children.</summary>
    private static IEnumerable<string> Forms(string word) =>
        word.EndsWith("ren", StringComparison.Ordinal) ? [word, word[..^3]]
        : word == "child" ? [word, "children"]
        : [word, word + "s", word.TrimEnd('s')];
}
