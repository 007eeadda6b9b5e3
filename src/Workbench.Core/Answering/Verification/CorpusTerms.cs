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
        return sentence.Split((char[])[' ', ',', ';', ':', '(', ')', '.', '"'], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => Possessive().Replace(word.ToLowerInvariant(), string.Empty))
            .Where(word => word.Length >= 4 && !word.Any(char.IsDigit) && !isEverydayWord(word))
            .SelectMany(word => Terms.Extract(word).Select(term => (Word: word, Term: term)))
            .Where(x => !passageTerms.Contains(x.Term) && frequencies.GetValueOrDefault(x.Term) <= limit)
            .Select(x => x.Word)
            .Distinct()
            .ToList();
    }
}
