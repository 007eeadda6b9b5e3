using System.Diagnostics;
using System.Text.Json.Serialization;
using Workbench.Core.Answering;
using Workbench.Core.Answering.Verification;
using Workbench.Core.Ingestion;

namespace Workbench.Core.Evaluation;

/// <summary>One composer's answer quality on one data set (JSON names as in <c>eval answers --json</c>).</summary>
public sealed record ComposerScore(
    [property: JsonPropertyName("composer")] string Composer,
    [property: JsonPropertyName("default")] bool Default,
    [property: JsonPropertyName("rougeL_f1")] double RougeLF1,
    [property: JsonPropertyName("token_f1")] double TokenF1,
    [property: JsonPropertyName("gold_citation_rate")] double GoldCitationRate,
    [property: JsonPropertyName("citation_precision")] double CitationPrecision,
    [property: JsonPropertyName("supported_share")] double SupportedShare,
    [property: JsonPropertyName("words_p50")] double WordsP50,
    [property: JsonPropertyName("abstention_recall")] double AbstentionRecall,
    [property: JsonPropertyName("false_abstention")] double FalseAbstention,
    [property: JsonPropertyName("p50_ms")] double P50Ms,
    [property: JsonPropertyName("p95_ms")] double P95Ms,
    [property: JsonPropertyName("questions")] int Questions);

public sealed record AnswerEvaluationReport(
    [property: JsonPropertyName("dataset")] string Dataset,
    [property: JsonPropertyName("ran_at")] DateTimeOffset RanAt,
    [property: JsonPropertyName("questions")] int Questions,
    [property: JsonPropertyName("probed")] int Probed,
    [property: JsonPropertyName("passages")] int Passages,
    [property: JsonPropertyName("composers")] IReadOnlyList<ComposerScore> Composers);

/// <summary>
/// Indexes a data set's corpus, retrieves once per question through the ask pipeline's own retrieval, has
/// every composer answer from the same passages, and scores the answers against the reference answers.
/// A seeded share of the questions (the unanswerable probe) is asked with every passage of its gold
/// documents filtered out at query time, so the corpus no longer holds the answer and abstaining is right.
/// </summary>
public sealed class AnswerEvaluator(AskPipeline pipeline, PassageIndexer indexer, AnswerComposers composers, CitationVerifier verifier, TimeProvider time)
{
    public const double ProbeShare = 0.2;

    public const int ProbeSeed = 16;

    /// <summary>The probe questions' positions: a seeded draw of <see cref="ProbeShare"/> of them, the same in every run.</summary>
    public static IReadOnlySet<int> ProbeQuestions(int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(ProbeSeed).Shuffle(order);
        return order.Take((int)Math.Round(count * ProbeShare)).ToHashSet();
    }

    /// <summary>The probe's filter: no passage of a gold document may be retrieved.</summary>
    public static SearchFilters WithoutGold(EvaluationQuestion question) => new(ExcludedDocuments: question.GoldDocuments.Order(StringComparer.Ordinal).ToList());

    public async Task<AnswerEvaluationReport> RunAsync(
        EvaluationDataset dataset, IReadOnlyList<IAnswerComposer> compared, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var indexed = await indexer.IndexAsync(dataset.Corpus,
            new Progress<IndexingProgress>(p => progress?.Report(new EvaluationProgress("indexing", p.DocumentsDone, p.DocumentsTotal))), cancellationToken);
        var probe = ProbeQuestions(dataset.Questions.Count);
        var tallies = compared.Select(c => new Tally(c)).ToList();

        // One untimed query first: the first call pays for connection set-up and JIT.
        await pipeline.RetrieveAsync(new AskRequest(dataset.Questions[0].Question), cancellationToken);
        for (var i = 0; i < dataset.Questions.Count; i++)
        {
            var question = dataset.Questions[i];
            var probed = probe.Contains(i);
            var retrieval = await pipeline.RetrieveAsync(new AskRequest(question.Question, Filters: probed ? WithoutGold(question) : null), cancellationToken);
            var passages = retrieval.Passages;
            var answers = new List<ComposedAnswer>();
            foreach (var tally in tallies)
            {
                var stopwatch = Stopwatch.StartNew();
                var answer = tally.Composer.Answer(question.Question, passages);
                tally.Milliseconds.Add(retrieval.EmbedMs + retrieval.RetrieveMs + stopwatch.Elapsed.TotalMilliseconds);
                answers.Add(answer);
            }

            // The verifier judges every composer's sentences in one call: they quote the same passages.
            var verdicts = await verifier.VerifyAsync(
                answers.SelectMany(a => a.Sentences).Select(s => (s.Text, (IReadOnlyList<string>)[passages[s.PassageNumber - 1].Passage.Text])).ToList(), cancellationToken);
            var offset = 0;
            foreach (var (tally, answer) in tallies.Zip(answers))
            {
                tally.Add(question, probed, answer, passages, verdicts.Skip(offset).Take(answer.Sentences.Count).ToList());
                offset += answer.Sentences.Count;
            }

            progress?.Report(new EvaluationProgress("answering", i + 1, dataset.Questions.Count));
        }

        var defaultName = composers.Default.Name;
        return new AnswerEvaluationReport(dataset.Name, time.GetUtcNow(), dataset.Questions.Count, probe.Count, indexed.Passages,
            tallies.Select(t => t.Score(t.Composer.Name == defaultName)).ToList());
    }

    /// <summary>One composer's running totals over the questions.</summary>
    private sealed class Tally(IAnswerComposer composer)
    {
        private readonly List<double> rouge = [];
        private readonly List<double> tokenF1 = [];
        private readonly List<double> words = [];
        private int answerable;
        private int goldCited;
        private int cited;
        private int citedGold;
        private int sentences;
        private int supported;
        private int probes;
        private int probesAbstained;
        private int falseAbstentions;

        public IAnswerComposer Composer => composer;

        public List<double> Milliseconds { get; } = [];

        public void Add(EvaluationQuestion question, bool probed, ComposedAnswer answer, IReadOnlyList<RetrievedPassage> passages, IReadOnlyList<SupportVerdict> verdicts)
        {
            var abstained = answer.Sentences.Count == 0;
            sentences += verdicts.Count;
            supported += verdicts.Count(v => v.Level == SupportLevel.Supported);
            if (probed)
            {
                probes++;
                probesAbstained += abstained ? 1 : 0;
                return;
            }

            answerable++;
            falseAbstentions += abstained ? 1 : 0;
            var text = string.Join(' ', answer.Sentences.Select(s => s.Text));
            if (question.Answer is { } reference)
            {
                rouge.Add(AnswerMetrics.RougeLF1(text, reference));
                tokenF1.Add(AnswerMetrics.TokenF1(text, reference));
            }

            if (abstained)
            {
                return;
            }

            words.Add(AnswerMetrics.WordCount(text));
            var gold = question.GoldDocuments;
            var citedPassages = answer.Sentences.Select(s => passages[s.PassageNumber - 1].Passage).DistinctBy(p => p.Id).ToList();
            goldCited += citedPassages.Any(p => gold.Contains(p.DocumentId)) ? 1 : 0;
            cited += citedPassages.Count;
            citedGold += citedPassages.Count(p => gold.Contains(p.DocumentId));
        }

        public ComposerScore Score(bool isDefault) => new(
            composer.Name, isDefault, Mean(rouge), Mean(tokenF1), Share(goldCited, answerable), Share(citedGold, cited), Share(supported, sentences),
            RetrievalMetrics.Percentile(words, 50), Share(probesAbstained, probes), Share(falseAbstentions, answerable),
            RetrievalMetrics.Percentile(Milliseconds, 50), RetrievalMetrics.Percentile(Milliseconds, 95), Milliseconds.Count);

        private static double Mean(List<double> values) => values.Count == 0 ? 0 : values.Average();

        private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
    }
}
