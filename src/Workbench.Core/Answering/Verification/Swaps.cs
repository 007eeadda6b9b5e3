namespace Workbench.Core.Answering.Verification;

/// <summary>
/// What the sentence says in the place of the passage's words, in the passage clause that shares the
/// most of its words: an opposite ("increased" where the passage says "reduced"), or a word or number
/// the passage itself uses for something else ("first trimester" where the clause says "third trimester"
/// and another clause "first or second"; "children receive 10 mg/kg" where adults do). The passage names
/// both, so they are different things, not a rewording. A word the sentence clause also uses elsewhere is
/// a reordering, not a swap.
/// </summary>
public static class Swaps
{
    /// <summary>Word pairs that turn a statement around, in any inflection (compared as lemmas).</summary>
    private static readonly HashSet<(string, string)> Opposites = new (string A, string B)[]
    {
        ("increase", "decrease"), ("increase", "reduce"), ("increase", "lower"), ("higher", "lower"), ("more", "less"), ("more", "fewer"),
        ("above", "below"), ("before", "after"), ("benefit", "harm"), ("greater", "smaller"), ("maximum", "minimum"), ("raise", "lower"),
        ("rise", "fall"), ("superior", "inferior"), ("longer", "shorter"), ("start", "stop"), ("continue", "stop"), ("continue", "discontinue"),
        ("recommended", "discouraged"), ("safe", "unsafe"), ("ever", "never"), ("start", "withhold"), ("start", "delay"), ("initiate", "delay"),
        ("early", "late"), ("earlier", "later"), ("first", "last"), ("all", "some"), ("improve", "worsen"),
    }.Select(o => (Alignment.Lemma(o.A), Alignment.Lemma(o.B))).ToHashSet();

    /// <summary>Longer stretches are rewordings of a whole phrase, not one thing put for another.</summary>
    private const int MaxSwappedWords = 3;

    public static string? Find(string sentence, string passage) =>
        Alignment.Find(sentence, passage, aligned => Opposite(aligned) ?? aligned.Substitutions(Edges.Trailing)
            .Where(s => s.SentenceContent.Count() is > 0 and <= MaxSwappedWords && s.PassageContent.Count() is > 0 and <= MaxSwappedWords)
            .Select(s => Swap(aligned, s))
            .FirstOrDefault(r => r is not null));

    /// <summary>
    /// A word of the sentence clause whose opposite stands in the passage clause, neither side having the
    /// other's word. Comparatives that bound a number are left to the number check: "no more than 60
    /// minutes" is "60 minutes or less".
    /// </summary>
    private static string? Opposite(AlignedClause aligned) =>
        (from ours in Words(aligned.Sentence)
         where !aligned.Passage.Any(t => t.Key == ours.Key)
         from theirs in Words(aligned.Passage)
         where (Opposites.Contains((ours.Key, theirs.Key)) || Opposites.Contains((theirs.Key, ours.Key))) && !aligned.Sentence.Any(t => t.Key == theirs.Key)
         select $"'{ours.Text}' where the passage says '{theirs.Text}'").FirstOrDefault();

    private static IEnumerable<Token> Words(IReadOnlyList<Token> clause) => clause.Where((_, i) => !BoundsANumber(clause, i));

    /// <summary>"more than 60", "60 or less", "below 70", "a maximum of 900": a comparative that sets a number's direction.</summary>
    private static bool BoundsANumber(IReadOnlyList<Token> clause, int i)
    {
        bool NumberIn(int from, int to) => clause.Skip(Math.Max(0, from)).Take(to - Math.Max(0, from) + 1).Any(t => char.IsDigit(t.Key[0]));
        return (i + 1 < clause.Count && clause[i + 1].Key == "than" && NumberIn(i + 2, i + 3))
            || (i > 0 && clause[i - 1].Key == "or" && NumberIn(i - 4, i - 2))
            || NumberIn(i + 1, i + 2);
    }

    /// <summary>A word of the sentence's stretch and one of the passage's, in about the same place in it (first for first, second for second).</summary>
    private static string? Swap(AlignedClause aligned, Substitution substitution) =>
        (from ours in substitution.SentenceContent.Select((t, i) => (Token: t, Index: i))
         where Alignment.IsNameLike(ours.Token) && !aligned.InClause(ours.Token) && aligned.InPassage(ours.Token)
         from theirs in substitution.PassageContent.Select((t, i) => (Token: t, Index: i))
         where Math.Abs(ours.Index - theirs.Index) <= 1 && Alignment.IsNameLike(theirs.Token) && !aligned.InSentence(theirs.Token)
         select $"'{ours.Token.Text}' where the passage says '{theirs.Token.Text}'").FirstOrDefault();
}
