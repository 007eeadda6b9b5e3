using Workbench.Core.Text;

namespace Workbench.Core.Retrieval;

/// <summary>A sparse lexical vector: term ids and their weights.</summary>
public sealed record SparseVector(uint[] Indices, float[] Values);

/// <summary>
/// BM25-style sparse vectors for Qdrant. Documents get saturated term frequencies with length
/// normalisation; queries get one per distinct term. Qdrant's IDF modifier supplies the inverse document
/// frequency at query time, so no vocabulary or corpus statistics are kept here. Terms come from the
/// biomedical-aware <see cref="Terms"/> tokenizer, Porter-stemmed (it found the right abstract more often
/// than the light stemmer on both halves of PubMedQA: README, "Measured"), and are hashed to ids
/// (collisions are rare at 2^32).
/// </summary>
public static class SparseEncoder
{
    /// <summary>Bumped whenever the encoding changes, so stored passages are re-encoded.</summary>
    public const int Version = 2;

    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>Typical passage length in terms, for BM25's length normalisation.</summary>
    private const double AverageLength = 90;

    public static SparseVector EncodeDocument(string text)
    {
        var terms = Extract(text);
        var counts = terms.GroupBy(Id).ToDictionary(g => g.Key, g => g.Count());
        var norm = K1 * (1 - B + (B * terms.Count / AverageLength));
        return Build(counts.Select(c => (c.Key, (float)(c.Value * (K1 + 1) / (c.Value + norm)))));
    }

    public static SparseVector EncodeQuery(string text) =>
        Build(TermIds(text).Select(id => (id, 1f)));

    /// <summary>The ids of a text's distinct terms: the indices of its query or document vector.</summary>
    public static HashSet<uint> TermIds(string text) => Extract(text).Select(Id).ToHashSet();

    public static uint Id(string term)
    {
        // FNV-1a: stable across processes and runtimes, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in term)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    /// <summary>The terms of a text as the vectors hold them; tokens with digits ("covid-19", "2.5") stay whole, as with <see cref="Terms.Stem"/>.</summary>
    public static IReadOnlyList<string> Extract(string text) =>
        Terms.Extract(text, token => token.Any(char.IsDigit) ? token : PorterStemmer.Stem(token));

    private static SparseVector Build(IEnumerable<(uint Id, float Weight)> weights)
    {
        var ordered = weights.OrderBy(w => w.Id).ToArray();
        return new SparseVector(ordered.Select(w => w.Id).ToArray(), ordered.Select(w => w.Weight).ToArray());
    }
}
