using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Workbench.Core.Text;

namespace Workbench.Core.Answering.Verification;

/// <summary>How well the cited passages support one sentence, and why.</summary>
public sealed record SupportVerdict(SupportLevel Level, double Similarity, double Coverage, IReadOnlyList<string> Reasons);

/// <summary>
/// Decides, sentence by sentence, whether the passages a sentence cites support it, whatever model
/// wrote it: first the model-free checks (numbers and units, negation and direction, swapped names and
/// preferences, populations, specific terms), then how many of its content words the passage holds and
/// how close in meaning (the local embedding model) it is to the passage's closest sentence.
/// </summary>
public sealed class CitationVerifier(IEmbeddingGenerator<string, Embedding<float>> embedder, IOptions<VerificationOptions> options, CorpusTerms corpusTerms)
{
    public async Task<IReadOnlyList<SupportVerdict>> VerifyAsync(
        IReadOnlyList<(string Sentence, IReadOnlyList<string> Passages)> items, CancellationToken cancellationToken = default)
    {
        // One embedding call for every sentence and every passage sentence involved.
        var texts = items.SelectMany(i => i.Passages.SelectMany(SentenceSplitter.Split).Prepend(i.Sentence)).Distinct().ToList();
        var vectors = texts.Count == 0 ? [] : await embedder.GenerateAsync(texts, cancellationToken: cancellationToken);
        var byText = texts.Zip(vectors, (t, v) => (t, v.Vector)).ToDictionary(x => x.t, x => x.Vector);
        return items.Select(i => Judge(i.Sentence, i.Passages, s => byText[s])).ToList();
    }

    /// <summary>The most favourable verdict over the cited passages: one supporting passage is enough.</summary>
    public SupportVerdict Judge(string sentence, IReadOnlyList<string> passages, Func<string, ReadOnlyMemory<float>> vector)
    {
        var verdicts = passages.Select(passage =>
        {
            var coverage = SupportChecks.Coverage(sentence, passage);
            var similarity = SentenceSplitter.Split(passage).Select(s => (double)TensorPrimitives.CosineSimilarity(vector(sentence).Span, vector(s).Span)).DefaultIfEmpty(0).Max();
            var contradictions = SupportChecks.Contradictions(sentence, passage)
                .Concat(corpusTerms.SpecificTermsMissing(sentence, passage, options.Value.SpecificTermDocumentShare).Select(t => $"'{t}' is not in the passage"))
                .Concat(corpusTerms.SubstitutedTerm(sentence, passage) is { } substituted ? [substituted] : [])
                .ToList();
            return new SupportVerdict(Level(contradictions, coverage, similarity), similarity, coverage, contradictions);
        }).ToList();
        return verdicts.MinBy(v => v.Level) ?? new SupportVerdict(SupportLevel.Unsupported, 0, 0, ["no passage is cited"]);
    }

    private SupportLevel Level(IReadOnlyList<string> contradictions, double coverage, double similarity)
    {
        var o = options.Value;
        if (contradictions.Count > 0)
        {
            return SupportLevel.Unsupported;
        }

        if ((coverage >= o.SupportedCoverage && similarity >= o.PartialSimilarity) || similarity >= o.SupportedSimilarity)
        {
            return SupportLevel.Supported;
        }

        return coverage >= o.PartialCoverage && similarity >= o.PartialSimilarity ? SupportLevel.Partial : SupportLevel.Unsupported;
    }
}
