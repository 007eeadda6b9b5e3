using System.Text.RegularExpressions;

namespace Workbench.Core.Answering.Verification;

/// <summary>
/// Which of two things a clause favours around a preference or comparison ("X rather than Y", "X in
/// preference to Y", "X is more accurate than Y", "X reduced it compared with Y"). A sentence must not turn the order round, nor assert
/// what the passage names only as the option not taken ("delaying initiation" where the passage says
/// "rather than delaying initiation").
/// </summary>
public static partial class Preferences
{
    [GeneratedRegex(@"\b(?:(instead of|rather than|in preference to|in place of|over)|than|versus|vs\.?|compared (?:with|to))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Cue();

    /// <summary>Verbs of preference, as lemma prefixes ("favored", "advises").</summary>
    private static readonly string[] PreferenceVerbs = new[] { "prefer", "favor", "recommend", "suggest", "advise", "choose", "chose", "select" }.Select(Alignment.Lemma).ToArray();

    /// <summary>Words that end the naming of the option not taken ("warfarin" in "in preference to warfarin for eligible patients").</summary>
    private static readonly HashSet<string> OptionEnds = new(StringComparer.Ordinal)
    {
        "for", "in", "with", "to", "among", "during", "at", "on", "by", "from", "until", "within", "because", "when", "if", "who", "which", "that",
    };

    /// <summary>At most this many content words after a cue name the option not taken.</summary>
    private const int OptionWords = 2;

    private sealed record Sides(IReadOnlyList<Token> Before, IReadOnlyList<Token> After, bool Rejects)
    {
        /// <summary>The option not taken: the first content words after the cue, up to a preposition.</summary>
        public IEnumerable<Token> Option => Rejects ? After.TakeWhile(t => !OptionEnds.Contains(t.Key)).Where(t => t.IsContent).Take(OptionWords) : [];
    }

    public static string? Contradiction(string sentence, string passage)
    {
        var passageClauses = Alignment.Clauses(passage).Select(c => (Text: c, Sides: Split(c))).ToList();
        var sentenceSides = Alignment.Clauses(sentence).Select(Split).OfType<Sides>().ToList();
        return Reversed(sentenceSides, passageClauses.Select(c => c.Sides).OfType<Sides>().ToList()) ?? Rejected(sentence, sentenceSides, passageClauses);
    }

    /// <summary>
    /// A word only before the cue in the sentence and only after it in a passage clause, and another the
    /// other way round: "a single reading is more accurate than multiple readings" against "multiple
    /// readings are more accurate than a single reading".
    /// </summary>
    private static string? Reversed(List<Sides> sentence, List<Sides> passage)
    {
        foreach (var (before, after, _) in sentence)
        {
            var first = Only(before, after).ToList();
            var second = Only(after, before).ToList();
            if (passage.Any(p => first.Any(x => Has(p.After, x) && !Has(p.Before, x)) && second.Any(y => Has(p.Before, y) && !Has(p.After, y))))
            {
                return "the passage prefers the other way round";
            }
        }

        return null;
    }

    /// <summary>A word of the sentence that the passage uses only to name an option not taken, and that the sentence does not reject too.</summary>
    private static string? Rejected(string sentence, List<Sides> sentenceSides, List<(string Text, Sides? Sides)> passage)
    {
        var rejected = passage.SelectMany(c => c.Sides?.Option ?? []).ToList();
        var elsewhere = passage.SelectMany(c => c.Sides is { } sides ? sides.Before.Concat(sides.After.Except(sides.Option)) : Alignment.Tokens(c.Text)).ToList();
        var sentenceRejected = sentenceSides.SelectMany(s => s.Option).ToList();
        // A negated clause rejects the option too: "extended-release opioids should not be used first".
        var word = Alignment.Clauses(sentence).Select(Alignment.Tokens).Where(c => !Polarity.IsNegated(c)).SelectMany(c => c)
            .FirstOrDefault(t => t.IsContent && !Alignment.IsFunctionWord(t) && Has(rejected, t) && !Has(elsewhere, t) && !Has(sentenceRejected, t));
        return word is null ? null : $"the passage names '{word.Text}' as the option not taken";
    }

    /// <summary>
    /// The words before and after the clause's cue. A cue followed by a number bounds the number ("more
    /// than 60", "over 60 minutes"), and "over" compares options only after a verb of preference.
    /// </summary>
    private static Sides? Split(string clause)
    {
        var cue = Cue().Match(clause);
        if (!cue.Success)
        {
            return null;
        }

        var before = Alignment.Tokens(clause[..cue.Index]);
        var after = Alignment.Tokens(clause[(cue.Index + cue.Length)..]);
        var over = cue.Value.Equals("over", StringComparison.OrdinalIgnoreCase);
        return (after.Count > 0 && char.IsDigit(after[0].Key[0])) || (over && !before.Any(t => PreferenceVerbs.Any(v => t.Key.StartsWith(v, StringComparison.Ordinal))))
            ? null
            : new Sides(before, after, cue.Groups[1].Success);
    }

    private static IEnumerable<Token> Only(IReadOnlyList<Token> side, IReadOnlyList<Token> other) =>
        side.Where(t => Alignment.IsNameLike(t) && !Has(other, t));

    private static bool Has(IEnumerable<Token> tokens, Token token) => tokens.Any(t => t.IsContent && Alignment.Related(t.Key, token.Key));
}
