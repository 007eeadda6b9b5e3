using System.Text.RegularExpressions;
using Workbench.Core.Text;

namespace Workbench.Core.Answering.Verification;

/// <summary>
/// Negation compared proposition by proposition. Text is cut at commas, clause words ("but", "unless",
/// "who") and brackets, so "the second dose is not a booster but is intended for children who do not
/// respond" gives three parts, each with its own parity of negation words (two negations cancel); each
/// part of the sentence must agree with the passage part that shares most of its words (weighted by how
/// few parts use them; when parts tie, one that agrees is enough). What follows
/// "instead of" or "rather than" is what is not chosen, so it is left to the preference check rather
/// than read as negated: "replaces doxycycline" and "instead of doxycycline" agree.
/// </summary>
public static partial class Polarity
{
    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "without", "none", "nothing", "neither", "nor", "cannot", "insufficient", "unlikely", "discourages", "discouraged",
        "avoid", "avoided", "avoiding", "avoids", "avoidance", "contraindicated", "contraindication", "contraindications",
        "exclude", "excluded", "excludes", "excluding", "exclusion",
    };

    /// <summary>Verbs after which "against" negates ("recommends against"), unlike "protects against" or "vaccinated against".</summary>
    private static readonly HashSet<string> AgainstVerbs =
        new[] { "recommend", "recommendation", "advise", "suggest", "caution", "argue", "decide", "counsel", "warn", "advocate" }.Select(Alignment.Lemma).ToHashSet();

    /// <summary>Where a proposition ends: punctuation, clause words, and "and" before a verb that starts a new clause.</summary>
    [GeneratedRegex(@"[,;:()\[\]]|\b(?:but|unless|except|until|because|although|though|while|whereas|which|who|whom|whose)\b|" + Alignment.AndNewClause, RegexOptions.IgnoreCase)]
    private static partial Regex Boundary();


    /// <summary>
    /// Phrases with a negation word that limit or set aside rather than negate: "not only", "no more
    /// than" (or longer, later…), "whether or not", "with or without", and "not … until" ("not complete until X" says X
    /// completes it, as does "must be followed by X to be complete").
    /// </summary>
    [GeneratedRegex(@"\b(?:not only|not? (?:more|less|later|sooner|longer|shorter|greater|higher|lower|fewer|earlier) than|not exceed(?:ing)?|whether or not|with or without|with and without)\b|\bnot\b(?=[^,;.]*\buntil\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Limiter();

    [GeneratedRegex(@"\b(un|in|im|ir|dis|non-?)(\p{L}{4,})\b", RegexOptions.IgnoreCase)]
    private static partial Regex NegatingPrefix();

    [GeneratedRegex(@"\p{L}+(?:-\p{L}+)*")]
    private static partial Regex Word();

    private sealed record Part(int Sentence, IReadOnlyList<Token> Tokens, HashSet<string> Keys, bool Negated)
    {
        public int Shared(Part other) => Keys.Count(k => other.Keys.Any(o => Alignment.Related(k, o)));
    }

    /// <summary>A reason when some part of the sentence is negated where the matching part of the passage is not, or the reverse.</summary>
    public static string? Contradiction(string sentence, string passage)
    {
        var passageParts = Parts(Unprefixed(passage, sentence)).ToList();
        var pairs = passageParts.Zip(passageParts.Skip(1)).Where(p => p.First.Sentence == p.Second.Sentence).Select(p => Join(p.First, p.Second)).ToList();
        // A word (of a family) in few passage parts says more about which part is meant than one in every part.
        var weights = passageParts.SelectMany(p => p.Keys).Distinct().ToDictionary(k => k, k => 1.0 / passageParts.Count(p => p.Keys.Any(o => Alignment.Related(k, o))));
        foreach (var part in Parts(Unprefixed(sentence, passage)).Where(p => p.Keys.Count >= 2))
        {
            (Part Part, int Shared, double Weight) Score(Part candidate) =>
                (candidate, candidate.Shared(part), candidate.Keys.Where(k => part.Keys.Any(o => Alignment.Related(k, o))).Sum(k => weights[k]));
            var best = passageParts.Select(Score).MaxBy(s => s.Weight);
            // Two neighbouring passage parts together may say what the sentence part says ("given as soon
            // as possible without restarting" for "given as soon as possible, and … need not be restarted"),
            // so a pair that agrees lets it pass too, but a pair alone never makes a contradiction.
            if (best.Shared >= 2 && best.Part.Negated != part.Negated
                && !passageParts.Concat(pairs).Select(Score).Any(s => s.Shared >= 2 && s.Weight >= best.Weight && s.Part.Negated == part.Negated))
            {
                return "the passage says the opposite (negation differs)";
            }
        }

        return null;
    }

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

    /// <summary>
    /// An odd count of negation words. A second one that follows "and", "or" or "nor" repeats the
    /// negation over a coordinated item ("no history of X and no signs of it") rather than cancelling it.
    /// </summary>
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
        var sentences = SentenceSplitter.Split(Limiter().Replace(text, " limit "));
        for (var index = 0; index < sentences.Count; index++)
        {
            var sentence = sentences[index];
            var start = 0;
            foreach (var boundary in Boundary().Matches(sentence).Append(null))
            {
                var tokens = Alignment.Tokens(sentence[start..(boundary?.Index ?? sentence.Length)]);
                if (tokens.Count > 0)
                {
                    yield return NewPart(index, tokens);
                }

                start = boundary is null ? sentence.Length : boundary.Index + boundary.Length;
            }
        }
    }

    private static Part NewPart(int sentence, IReadOnlyList<Token> tokens) =>
        new(sentence, tokens, tokens.Where((t, i) => t.IsContent && !IsNegation(tokens, i)).Select(t => t.Key).ToHashSet(), IsNegated(tokens));

    private static Part Join(Part first, Part second) => NewPart(first.Sentence, [.. first.Tokens, .. second.Tokens]);

    private static bool IsNegation(IReadOnlyList<Token> tokens, int i)
    {
        var word = tokens[i].Text.ToLowerInvariant();
        return Negations.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal) || word.EndsWith("n’t", StringComparison.Ordinal)
            || (word == "against" && tokens.Take(i).TakeLast(2).Any(t => AgainstVerbs.Contains(t.Key)));
    }
}
