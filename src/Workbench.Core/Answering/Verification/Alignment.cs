using System.Text.RegularExpressions;
using Workbench.Core.Text;

namespace Workbench.Core.Answering.Verification;

/// <summary>
/// A word or number as written, the key it is matched on (a crude lemma; numbers as digits), whether it
/// carries content, and whether it follows an auxiliary ("did not state", "should receive"), as verbs do.
/// </summary>
public sealed record Token(string Text, string Key, bool IsContent, bool AfterAuxiliary = false);

/// <summary>Where the sentence and the passage clause differ between two words they share: the sentence's words there and the passage's.</summary>
public sealed record Substitution(IReadOnlyList<Token> Sentence, IReadOnlyList<Token> Passage)
{
    public IEnumerable<Token> SentenceContent => Sentence.Where(t => t.IsContent);

    public IEnumerable<Token> PassageContent => Passage.Where(t => t.IsContent);
}

/// <summary>A sentence clause lined up with one passage clause, and the whole passage for what is said elsewhere.</summary>
public sealed record AlignedClause(IReadOnlyList<Token> Sentence, IReadOnlyList<Token> Passage, IReadOnlyList<(int S, int P)> Pairs, IReadOnlyList<Token> WholePassage)
{
    public IEnumerable<Substitution> Substitutions(Edges edges) => Alignment.Substitutions(Sentence, Passage, Pairs, edges);

    /// <summary>Whether the sentence clause has a word of the token's family.</summary>
    public bool InSentence(Token token) => Sentence.Any(t => Alignment.Related(t.Key, token.Key));

    public bool InClause(Token token) => Passage.Any(t => Alignment.Related(t.Key, token.Key));

    public bool InPassage(Token token) => WholePassage.Any(t => t.IsContent && Alignment.Related(t.Key, token.Key));
}

/// <summary>
/// Lines a sentence clause up, word by word, with the passage clause that says the most of the same
/// thing in the same order (a weighted longest common subsequence), so a check can ask what the sentence
/// put in the place of the passage's words: "first trimester" where the passage says "third trimester".
/// </summary>
public static partial class Alignment
{
    /// <summary>Stop words still anchor an alignment, but a shared content word counts ten times more.</summary>
    private const double StopWordWeight = 0.1;

    private const int TokenCacheSize = 4096;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Token>> TokenCache = new(StringComparer.Ordinal);

    /// <summary>How many words before the first match count as put in the passage's place.</summary>
    private const int EdgeWords = 4;

    /// <summary>Closed-class words the general stop list keeps as content.</summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "over", "under", "above", "below", "within", "between", "among", "through", "throughout", "during", "until", "per", "via", "without",
        "against", "toward", "towards", "across", "upon", "beyond", "versus", "vs", "instead", "rather", "despite", "except", "unless", "while",
        "whereas", "although", "though", "because", "since", "only", "just", "even", "still", "often", "usually", "generally", "typically",
        "especially", "particularly", "most", "more", "less", "least", "fewer", "many", "much", "some", "several", "each", "every", "both",
        "either", "neither", "same", "another", "up", "down", "out", "off", "again", "further", "already", "yet", "very", "well", "however",
        "therefore", "thus", "roughly", "around", "nearly", "almost", "approximately", "but", "nor", "whether", "whose", "also", "own", "alone", "together",
    };

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "to", "not", "do", "does", "did", "should", "must", "may", "might", "can", "could", "will", "would", "shall", "cannot",
        "don't", "doesn't", "didn't", "shouldn't", "won't",
    };

    [GeneratedRegex(@"\d+(?:[.,]\d+)*|[\p{L}µ][\p{L}\p{N}µ]*(?:['’]\p{L}+)?|%")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("our|isa|ise|aem|oe")]
    private static partial Regex BritishSpelling();

    /// <summary>"and" before a verb starts a new clause: "recommend against starches | and suggest albumin".</summary>
    public const string AndNewClause = @"\band\s+(?=(?:should|may|might|can|could|must|will|would|is|are|was|were|has|have|had|does|do|did|recommends?|suggests?|advises?)\b)";

    [GeneratedRegex(@";|,\s*(?:and|but|while|whereas|which|although|because)\s+|\s+(?:but|because|whereas|although)\s+|" + AndNewClause, RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBoundary();

    /// <summary>The tokens of a text, remembered: each passage is read again for every sentence that cites it.</summary>
    public static IReadOnlyList<Token> Tokens(string text)
    {
        // Counting takes all of the dictionary's locks: only on a miss.
        if (TokenCache.TryGetValue(text, out var cached))
        {
            return cached;
        }

        if (TokenCache.Count > TokenCacheSize)
        {
            TokenCache.Clear();
        }

        return TokenCache.GetOrAdd(text, Tokenise);
    }

    private static IReadOnlyList<Token> Tokenise(string text)
    {
        var tokens = new List<Token>();
        foreach (Match m in TokenPattern().Matches(text))
        {
            var lower = m.Value.ToLowerInvariant().Replace("’", "'", StringComparison.Ordinal).Replace("'s", string.Empty, StringComparison.Ordinal);
            var afterAuxiliary = tokens.Count > 0 && Auxiliaries.Contains(tokens[^1].Text.ToLowerInvariant());
            tokens.Add(Quantities.Digits(lower) is { } digits
                ? new Token(m.Value, digits, true)
                : new Token(m.Value, Lemma(lower), lower.Length > 1 && !Terms.IsStopWord(lower), afterAuxiliary));
        }

        return tokens;
    }

    /// <summary>Sentences cut at clause boundaries, so "A is not advised, and B is" keeps each part apart.</summary>
    public static IReadOnlyList<string> Clauses(string text) =>
        SentenceSplitter.Split(text)
            .SelectMany(s => ClauseBoundary().Split(s))
            .Select(c => c.Trim())
            .Where(c => c.Length > 0)
            .ToList();

    /// <summary>
    /// The first finding of <paramref name="check"/> for a sentence clause (of two content words or more)
    /// that holds against every passage clause it aligns best with: when two clauses fit equally well,
    /// the sentence may mean either, so one clean fit is enough to let it pass.
    /// </summary>
    public static string? Find(string sentence, string passage, Func<AlignedClause, string?> check)
    {
        var passageClauses = Clauses(passage).Select(Tokens).ToList();
        var wholePassage = passageClauses.SelectMany(c => c).ToList();
        foreach (var clause in Clauses(sentence).Select(Tokens).Where(c => c.Count(t => t.IsContent) >= 2))
        {
            var findings = Best(clause, passageClauses).Select(best => check(new AlignedClause(clause, best.Clause, best.Pairs, wholePassage))).ToList();
            if (findings.Count > 0 && findings.All(f => f is not null))
            {
                return findings[0];
            }
        }

        return null;
    }

    /// <summary>
    /// The passage clauses sharing the most content words with the sentence clause, in any order (all of
    /// them when tied), each with its word alignment.
    /// </summary>
    public static IReadOnlyList<(IReadOnlyList<Token> Clause, IReadOnlyList<(int S, int P)> Pairs)> Best(IReadOnlyList<Token> sentence, IEnumerable<IReadOnlyList<Token>> passageClauses)
    {
        var keys = sentence.Where(t => t.IsContent).Select(t => t.Key).ToHashSet();
        var scored = passageClauses.Select(c => (Clause: c, Shared: c.Where(t => t.IsContent).Select(t => t.Key).Distinct().Count(keys.Contains))).ToList();
        var best = scored.Select(s => s.Shared).DefaultIfEmpty(0).Max();
        return best == 0 ? [] : scored.Where(s => s.Shared == best).Select(s => (s.Clause, Pairs(sentence, s.Clause))).ToList();
    }

    /// <summary>The matched positions (sentence index, passage index) of a heaviest common subsequence of keys.</summary>
    public static IReadOnlyList<(int S, int P)> Pairs(IReadOnlyList<Token> sentence, IReadOnlyList<Token> passage)
    {
        var table = new double[sentence.Count + 1, passage.Count + 1];
        for (var i = sentence.Count - 1; i >= 0; i--)
        {
            for (var j = passage.Count - 1; j >= 0; j--)
            {
                var skip = Math.Max(table[i + 1, j], table[i, j + 1]);
                table[i, j] = sentence[i].Key == passage[j].Key ? Math.Max(skip, table[i + 1, j + 1] + Weight(sentence[i])) : skip;
            }
        }

        var pairs = new List<(int, int)>();
        for (int i = 0, j = 0; i < sentence.Count && j < passage.Count;)
        {
            if (sentence[i].Key == passage[j].Key && Math.Abs(table[i, j] - (table[i + 1, j + 1] + Weight(sentence[i]))) < 1e-9)
            {
                pairs.Add((i++, j++));
            }
            else if (table[i + 1, j] >= table[i, j + 1])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return pairs;
    }

    /// <summary>
    /// The stretches where the sentence and the passage clause both say something of their own: between two
    /// matched words and, as <paramref name="edges"/> asks, before the first or after the last one (only
    /// the words next to the match).
    /// </summary>
    public static IEnumerable<Substitution> Substitutions(IReadOnlyList<Token> sentence, IReadOnlyList<Token> passage, IReadOnlyList<(int S, int P)> pairs, Edges edges)
    {
        if (pairs.Count == 0)
        {
            yield break;
        }

        var anchors = pairs.ToList();
        if (edges.HasFlag(Edges.Leading))
        {
            anchors.Insert(0, (-1, -1));
        }

        if (edges.HasFlag(Edges.Trailing))
        {
            anchors.Add((sentence.Count, passage.Count));
        }

        for (var k = 1; k < anchors.Count; k++)
        {
            var (s0, p0) = anchors[k - 1];
            var (s1, p1) = anchors[k];
            if (s1 - s0 > 1 && p1 - p0 > 1)
            {
                var ours = sentence.Skip(s0 + 1).Take(s1 - s0 - 1);
                var theirs = passage.Skip(p0 + 1).Take(p1 - p0 - 1);
                yield return s0 < 0 ? new Substitution(ours.TakeLast(EdgeWords).ToList(), theirs.TakeLast(EdgeWords).ToList()) : new Substitution(ours.ToList(), theirs.ToList());
            }
        }
    }

    /// <summary>A crude lemma for matching word families, in American spelling: stopping, stopped, stops → stop; favoured → favor.</summary>
    public static string Lemma(string word)
    {
        word = American(word.ToLowerInvariant());
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

        if (word.Length > 3 && word[^1] == word[^2] && !"aeiouls".Contains(word[^1], StringComparison.Ordinal))
        {
            word = word[..^1];
        }

        return word.Length > 3 && word.EndsWith('e') ? word[..^1] : word;
    }

    /// <summary>A lower-case word in American spelling: favour → favor, randomised → randomized, haemorrhage → hemorrhage, oestrogen → estrogen.</summary>
    public static string American(string word) => BritishSpelling().Replace(word, m => m.Value switch
    {
        "our" => "or",
        "isa" => "iza",
        "ise" => "ize",
        "aem" => "em",
        "oe" => "e",
        _ => m.Value,
    });

    /// <summary>
    /// Same word family: equal lemmas, one a prefix of the other of at least four letters (vaccine,
    /// vaccination; child, children), or the same but for the last three letters at most (hypoglycaemia,
    /// hypoglycaemic), never letters and digits (PCV13, PCV15).
    /// </summary>
    public static bool Related(string a, string b)
    {
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        if (shorter == longer)
        {
            return true;
        }

        if (shorter.Length < 4 || shorter.Any(char.IsDigit) || longer.Any(char.IsDigit))
        {
            return false;
        }

        var common = 0;
        while (common < shorter.Length && shorter[common] == longer[common])
        {
            common++;
        }

        return common == shorter.Length || (common >= 5 && common >= longer.Length - 3);
    }

    /// <summary>
    /// Whether a word can name a thing the passage distinguishes (a drug, a population, a number, an
    /// ordinal): not a preposition, quantifier or comparative (those reword freely: "no more than" for
    /// "maximum", "under 4 months" for "younger than"), not a verb (-ed, -ing, or after an auxiliary),
    /// not the pronoun "one".
    /// </summary>
    public static bool IsNameLike(Token token)
    {
        var lower = token.Text.ToLowerInvariant();
        return token.IsContent && !token.AfterAuxiliary && !FunctionWords.Contains(lower) && lower != "one"
            && (char.IsDigit(lower[0]) || !(lower.EndsWith("ed", StringComparison.Ordinal) || lower.EndsWith("ing", StringComparison.Ordinal)));
    }

    public static bool IsFunctionWord(Token token) => FunctionWords.Contains(token.Text.ToLowerInvariant());

    private static double Weight(Token token) => token.IsContent ? 1 : StopWordWeight;
}
