using Workbench.Core.Ingestion.Uploads;
using Workbench.Core.Text;

namespace Workbench.Core.Answering.Verification;

/// <summary>
/// Which words are specific — drug, test and condition names — and so must not appear in a sentence
/// unless its passage has them. A word is specific when it is rare in the corpus (bundled and uploaded
/// documents, read once when first needed) and is not an everyday word (one the embedding model's
/// vocabulary holds whole: "roughly" is, "acarbose" is not).
/// </summary>
public sealed partial class CorpusTerms
{
    [System.Text.RegularExpressions.GeneratedRegex("['’]s$")]
    private static partial System.Text.RegularExpressions.Regex Possessive();

    /// <summary>Inflections whose removal gives the base form: riskier → risky, confers → confer, dosed → dose.</summary>
    private static readonly (string Suffix, string Replacement)[] Suffixes =
        [("ier", "y"), ("iest", "y"), ("es", ""), ("s", ""), ("ly", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")];

    /// <summary>Longer stretches are rewordings of a whole phrase.</summary>
    private const int MaxSubstitutedWords = 3;

    private readonly Lazy<(Dictionary<string, int> Frequencies, int Documents)> statistics;
    private readonly Func<string, bool> isEverydayWord;

    public CorpusTerms(CorpusUploads corpus, Func<string, bool> isEverydayWord)
        : this(() => corpus.Source.Read().Documents.Select(d => string.Join(' ', d.Sections.Select(s => s.Heading + " " + s.Text))), isEverydayWord)
    {
    }

    public CorpusTerms(Func<IEnumerable<string>> documents, Func<string, bool> isEverydayWord)
    {
        this.isEverydayWord = isEverydayWord;
        statistics = new Lazy<(Dictionary<string, int>, int)>(() =>
        {
            var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
            var count = 0;
            foreach (var document in documents())
            {
                count++;
                foreach (var term in Terms.Extract(document).ToHashSet())
                {
                    frequencies[term] = frequencies.GetValueOrDefault(term) + 1;
                }
            }

            return (frequencies, count);
        });
    }

    /// <summary>The sentence's specific terms (at most <paramref name="maxDocumentShare"/> of documents use them) that the passage lacks.</summary>
    public IReadOnlyList<string> SpecificTermsMissing(string sentence, string passage, double maxDocumentShare)
    {
        var (frequencies, documents) = statistics.Value;
        var limit = Math.Max(1, (int)(maxDocumentShare * documents));
        var passageTerms = Terms.Extract(passage).ToHashSet();
        var passageTokens = Alignment.Tokens(passage);
        // Hyphenated words are judged by their parts: "time-in-range" is supported by "time in range";
        // contractions ("don't") are not names.
        return sentence.Split((char[])[' ', ',', ';', ':', '(', ')', '.', '"', '-', '–'], StringSplitOptions.RemoveEmptyEntries)
            .Where(word => !Abbreviations.Expands(word, passageTokens))
            .Select(word => Possessive().Replace(word.ToLowerInvariant(), string.Empty))
            .Where(word => !word.Contains('\'', StringComparison.Ordinal) && !word.Contains('’', StringComparison.Ordinal) && IsSpecificWord(word))
            .SelectMany(word => Terms.Extract(word).Select(term => (Word: word, Term: term)))
            .Where(x => !passageTerms.Contains(x.Term) && frequencies.GetValueOrDefault(x.Term) <= limit)
            .Select(x => x.Word)
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// A specific word (not an everyday one, however common in the corpus) that the sentence puts in the
    /// place of a word of the passage clause it follows, and that the passage never uses: "combining it with
    /// a sulfonylurea" where the passage says "with a GLP-1 RA", "dapagliflozin reduced" where it says
    /// "empagliflozin reduced". Rarity is not asked here, as the slot shows the word names a thing.
    /// </summary>
    public string? SubstitutedTerm(string sentence, string passage) =>
        Alignment.Find(sentence, passage, aligned => aligned.Substitutions(Edges.Leading | Edges.Trailing)
            .Where(s => s.SentenceContent.Count() <= MaxSubstitutedWords)
            .Select(s => (Ours: s.SentenceContent.FirstOrDefault(t => Alignment.IsNameLike(t) && IsSpecificWord(t.Text.ToLowerInvariant())
                    && !aligned.InPassage(t) && !Abbreviations.Expands(t.Text, aligned.WholePassage)),
                Theirs: s.PassageContent.FirstOrDefault(t => Alignment.IsNameLike(t) && !aligned.InSentence(t))))
            .Where(x => x.Ours is not null && x.Theirs is not null)
            .Select(x => $"'{x.Ours!.Text}' where the passage says '{x.Theirs!.Text}'")
            .FirstOrDefault());

    /// <summary>
    /// A code, or not an everyday word: one the model's vocabulary does not hold whole, in its American spelling
    /// ("favours" as "favors") or base form ("riskier" as "risky"), nor as two everyday words run together
    /// ("cutoff"). Participles stay candidates: "immunocompromised" and "institutionalised" are names.
    /// </summary>
    private bool IsSpecificWord(string word) =>
        IsCode(word) || (word.Length >= 4 && !word.Any(char.IsDigit) && !Spellings(word).Any(isEverydayWord)
        && !Enumerable.Range(3, Math.Max(0, word.Length - 5)).Any(i => isEverydayWord(word[..i]) && isEverydayWord(word[i..])));

    /// <summary>A code of letters then digits names one thing: PCV13 is not PCV15, G1 not G3, H2 not a PPI.</summary>
    private static bool IsCode(string word) => word.Length >= 2 && char.IsLetter(word[0]) && word.Any(char.IsDigit) && word.All(char.IsLetterOrDigit);

    private static IEnumerable<string> Spellings(string word)
    {
        yield return word;
        var american = Alignment.American(word);
        yield return american;
        foreach (var (suffix, replacement) in Suffixes)
        {
            if (american.EndsWith(suffix, StringComparison.Ordinal))
            {
                yield return american[..^suffix.Length] + replacement;
            }
        }
    }
}
