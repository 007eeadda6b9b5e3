using System.Text.RegularExpressions;
using Workbench.Core.Text;

namespace Workbench.Core.Answering.Verification;

/// <summary>
/// Negation compared proposition by proposition. Text is cut at commas, clause words ("but", "unless",
/// "who") and brackets, so "the second dose is not a booster but is intended for children who do not
/// respond" gives three parts, each with its own parity of negation words (two negations cancel); each
/// part of the sentence must agree with the passage part that shares most of its words. What follows
/// "instead of" or "rather than" is what is not chosen, so it is left to the preference check rather
/// than read as negated: "replaces doxycycline" and "instead of doxycycline" agree.
/// </summary>
public static partial class Polarity
{
    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "without", "none", "nothing", "neither", "nor", "cannot", "insufficient", "unlikely", "discourages", "discouraged",
        "avoid", "avoided", "avoiding", "avoids", "avoidance", "contraindicated", "contraindication", "contraindications",
    };

    /// <summary>Verbs after which "against" negates ("recommends against"), unlike "protects against" or "vaccinated against".</summary>
    private static readonly HashSet<string> AgainstVerbs = new(StringComparer.Ordinal)
    {
        "recommend", "recommendation", "advis", "suggest", "caution", "argu", "decid", "counsel", "warn", "advocat",
    };

    /// <summary>Where a proposition ends: punctuation, clause words, and "and" before a verb that starts a new clause.</summary>
    [GeneratedRegex(@"[,;:()\[\]]|\b(?:but|unless|except|until|because|although|though|while|whereas|which|who|whom|whose)\b|\band\s+(?=(?:should|may|might|can|could|must|will|would|is|are|was|were|has|have|had|does|do|did|recommends?|suggests?|advises?)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Boundary();


    /// <summary>
    /// Phrases with a negation word that limit or set aside rather than negate: "not only", "no more
    /// than", "whether or not", "with or without", and "not … until" ("not complete until X" says X
    /// completes it, as does "must be followed by X to be complete").
    /// </summary>
    [GeneratedRegex(@"\b(?:not only|no more than|no less than|no later than|no sooner than|not exceed(?:ing)?|whether or not|with or without|with and without)\b|\bnot\b(?=[^,;.]*\buntil\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Limiter();

    /// <summary>A passage part this close to the best match (in weighted shared words) may be the one meant, so its agreement is enough.</summary>
    private const double AgreementShare = 0.8;

    [GeneratedRegex(@"\b(un|in|im|ir|dis|non-?)(\p{L}{4,})\b", RegexOptions.IgnoreCase)]
    private static partial Regex NegatingPrefix();

    [GeneratedRegex(@"\p{L}+(?:-\p{L}+)*")]
    private static partial Regex Word();

    private sealed record Part(IReadOnlyList<Token> Tokens, HashSet<string> Keys, bool Negated);

    /// <summary>A reason when some part of the sentence is negated where the matching part of the passage is not, or the reverse.</summary>
    public static string? Contradiction(string sentence, string passage)
    {
        var passageParts = Parts(Unprefixed(passage, sentence)).ToList();
        // A word in few passage parts says more about which part is meant than one in every part.
        var weights = passageParts.SelectMany(p => p.Keys).CountBy(k => k).ToDictionary(x => x.Key, x => 1.0 / x.Value);
        foreach (var part in Parts(Unprefixed(sentence, passage)).Where(p => p.Keys.Count >= 2))
        {
            var scored = passageParts.Select(p => (Part: p, Shared: p.Keys.Count(part.Keys.Contains), Weight: p.Keys.Where(part.Keys.Contains).Sum(k => weights[k]))).ToList();
            var best = scored.MaxBy(s => s.Weight);
            if (best.Shared >= 2 && scored.Where(s => s.Shared >= 2 && s.Weight >= AgreementShare * best.Weight).All(s => s.Part.Negated != part.Negated))
            {
                return "the passage says the opposite (negation differs)";
            }
        }

        return null;
    }

    /// <summary>
    /// An odd count of negation words. A second one that follows "and", "or" or "nor" repeats the
    /// negation over a coordinated item ("no history of X and no signs of it") rather than cancelling it.
    /// </summary>
    /// <summary>
    /// "Ineffective" read as "not effective" when the other text says "effective" (and never
    /// "ineffective"), so a negating prefix counts like the word "not".
    /// </summary>
    private static string Unprefixed(string text, string other)
    {
        var words = Word().Matches(other.ToLowerInvariant()).Select(m => m.Value).ToHashSet();
        return NegatingPrefix().Replace(text, m =>
            words.Contains(m.Groups[2].Value.ToLowerInvariant()) && !words.Contains(m.Value.ToLowerInvariant()) ? "not " + m.Groups[2].Value : m.Value);
    }

    public static bool IsNegated(IReadOnlyList<Token> tokens)
    {
        var count = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (IsNegation(tokens, i) && (count == 0 || i == 0 || tokens[i - 1].Key is not ("and" or "or" or "nor")))
            {
                count++;
            }
        }

        return count % 2 == 1;
    }

    private static IEnumerable<Part> Parts(string text)
    {
        foreach (var sentence in SentenceSplitter.Split(Limiter().Replace(text, " limit ")))
        {
            var start = 0;
            foreach (var boundary in Boundary().Matches(sentence).Append(null))
            {
                var tokens = Alignment.Tokens(sentence[start..(boundary?.Index ?? sentence.Length)]);
                if (tokens.Count > 0)
                {
                    yield return new Part(tokens, tokens.Where((t, i) => t.IsContent && !IsNegation(tokens, i)).Select(t => t.Key).ToHashSet(), IsNegated(tokens));
                }

                start = boundary is null ? sentence.Length : boundary.Index + boundary.Length;
            }
        }
    }

    private static bool IsNegation(IReadOnlyList<Token> tokens, int i)
    {
        var word = tokens[i].Text.ToLowerInvariant();
        return Negations.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal) || word.EndsWith("n’t", StringComparison.Ordinal)
            || (word == "against" && tokens.Take(i).TakeLast(2).Any(t => AgainstVerbs.Contains(t.Key)));
    }
}
