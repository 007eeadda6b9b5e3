using System.Text.Json.Serialization;
using Workbench.Core.Answering;
using Workbench.Core.Embeddings;
using Workbench.Core.Evaluation.Statistics;
using Workbench.Core.Ingestion;

namespace Workbench.Core.Evaluation;

public sealed record RetrieverScore(
    [property: JsonPropertyName("retriever")] string Retriever,
    [property: JsonPropertyName("questions")] int Questions,
    [property: JsonPropertyName("recall@1")] double Recall1,
    [property: JsonPropertyName("recall@5")] double Recall5,
    [property: JsonPropertyName("recall@10")] double Recall10,
    [property: JsonPropertyName("mrr@10")] double Mrr10,
    [property: JsonPropertyName("ndcg@10")] double Ndcg10,
    [property: JsonPropertyName("p50_ms")] double P50Ms,
    [property: JsonPropertyName("p95_ms")] double P95Ms,
    [property: JsonPropertyName("ndcg@10_vs_dense")] Estimate? NdcgVsDense = null);

public sealed record RetrievalEvaluationReport(
    [property: JsonPropertyName("dataset")] string Dataset,
    [property: JsonPropertyName("ran_at")] DateTimeOffset RanAt,
    [property: JsonPropertyName("documents")] int Documents,
    [property: JsonPropertyName("passages")] int Passages,
    [property: JsonPropertyName("relevance")] string Relevance,
    [property: JsonPropertyName("embedding_model")] string EmbeddingModel,
    [property: JsonPropertyName("chunk_tokens")] int ChunkTokens,
    [property: JsonPropertyName("overlap_tokens")] int OverlapTokens,
    [property: JsonPropertyName("retrievers")] IReadOnlyList<RetrieverScore> Retrievers);

public sealed record EvaluationProgress(string Stage, int Done, int Total);

/// <summary>
/// Indexes a data set's corpus and runs its questions through the ask pipeline's own retrieval for
/// each retriever configuration, scoring the ranking against the known relevant documents or passages,
/// and each configuration's nDCG@10 against dense retrieval's on the same questions (dense is run too
/// when not asked for: it is the baseline every retriever has to beat).
/// </summary>
public sealed class RetrievalEvaluator(
    AskPipeline pipeline,
    PassageIndexer indexer,
    IOptions<EmbeddingOptions> embedding,
    IOptions<ChunkingOptions> chunking,
    TimeProvider time)
{
    /// <summary>Passages fetched per question: enough for ten distinct documents when each has several passages.</summary>
    public const int CandidatePassages = 40;

    public async Task<RetrievalEvaluationReport> RunAsync(
        EvaluationDataset dataset, IReadOnlyList<RetrieverSpec> retrievers, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var indexed = await indexer.IndexAsync(dataset.Corpus,
            new Progress<IndexingProgress>(p => progress?.Report(new EvaluationProgress("indexing", p.DocumentsDone, p.DocumentsTotal))), cancellationToken);
        var runs = new List<(RetrieverSpec Spec, RetrieverScore Score, double[] Ndcg)>();
        foreach (var retriever in retrievers.Contains(RetrieverSpec.Dense) ? retrievers : [RetrieverSpec.Dense, .. retrievers])
        {
            var (score, ndcg) = await ScoreAsync(dataset, retriever, progress, cancellationToken);
            runs.Add((retriever, score, ndcg));
        }

        var dense = runs.First(r => r.Spec == RetrieverSpec.Dense).Ndcg;
        var scores = runs.Select(r => r.Score with { NdcgVsDense = Intervals.PairedBootstrap(r.Ndcg, dense) }).ToList();

        var byPassage = dataset.Questions.Any(q => q.ByPassage);
        return new RetrievalEvaluationReport(dataset.Name, time.GetUtcNow(), indexed.Documents, indexed.Passages,
            byPassage ? "passage" : dataset.Questions.Any(q => q.Graded) ? "document, graded (nDCG gain = grade − 2)" : "document", embedding.Value.ModelName, chunking.Value.MaxTokens, chunking.Value.OverlapTokens, scores);
    }

    private async Task<(RetrieverScore Score, double[] Ndcg)> ScoreAsync(
        EvaluationDataset dataset, RetrieverSpec retriever, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        // One untimed query first: the first call pays for connection set-up and JIT.
        var configuration = (await RetrieveAsync(dataset.Questions[0].Question, retriever, cancellationToken)).Configuration;

        double recall1 = 0, recall5 = 0, recall10 = 0, mrr = 0;
        var ndcg = new List<double>();
        var latencies = new List<double>();
        foreach (var question in dataset.Questions)
        {
            var result = await RetrieveAsync(question.Question, retriever, cancellationToken);
            latencies.Add(result.EmbedMs + result.RetrieveMs);
            var (ranking, relevant) = question.ByPassage
                ? (RetrievalMetrics.Distinct(result.Passages.Select(p => p.Passage.Id)), question.RelevantPassages)
                : (RetrievalMetrics.Distinct(result.Passages.Select(p => p.Passage.DocumentId)), question.RelevantDocuments);
            recall1 += RetrievalMetrics.RecallAt(ranking, relevant, 1);
            recall5 += RetrievalMetrics.RecallAt(ranking, relevant, 5);
            recall10 += RetrievalMetrics.RecallAt(ranking, relevant, 10);
            mrr += RetrievalMetrics.ReciprocalRankAt(ranking, relevant, 10);
            ndcg.Add(question.Gains is { } gains ? RetrievalMetrics.NdcgAt(ranking, gains, 10) : RetrievalMetrics.NdcgAt(ranking, relevant, 10));
            progress?.Report(new EvaluationProgress(retriever.Label, latencies.Count, dataset.Questions.Count));
        }

        var n = dataset.Questions.Count;
        var details = new[] { configuration.Fusion, configuration.Reranker, configuration.Query }.Where(d => d is not (null or "none")).ToList();
        var kind = retriever.IsDefault ? $"{configuration.Name}: {configuration.Retriever}" : retriever.Label;
        var label = details.Count == 0 ? kind : $"{kind} [{string.Join(", ", details)}]";
        return (new RetrieverScore(label, n, recall1 / n, recall5 / n, recall10 / n, mrr / n, ndcg.Average(),
            RetrievalMetrics.Percentile(latencies, 50), RetrievalMetrics.Percentile(latencies, 95)), ndcg.ToArray());
    }

    private Task<RetrievalResult> RetrieveAsync(string question, RetrieverSpec retriever, CancellationToken cancellationToken) =>
        pipeline.RetrieveAsync(new AskRequest(question, CandidatePassages, null, retriever.Kind, retriever.Reranker), cancellationToken);
}
