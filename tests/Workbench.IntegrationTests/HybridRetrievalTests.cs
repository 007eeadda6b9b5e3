using Microsoft.Extensions.AI;
using Workbench.Core.Answering;
using Workbench.Core.Evaluation;
using Workbench.Core.Evaluation.Statistics;
using Workbench.Core.Retrieval;

namespace Workbench.IntegrationTests;

/// <summary>
/// Hybrid search in a real Qdrant over a tiny corpus built so that one question matches its document
/// only by words and another only by meaning; and the evaluation harness scored on it by hand.
/// </summary>
public sealed class HybridRetrievalTests : IAsyncLifetime
{
    private const string LexicalQuestion = "ZX-5512";
    private const string SemanticQuestion = "elevated blood pressure cutoff";

    private static readonly Dictionary<string, string> Documents = new()
    {
        ["zx-reagent"] = "Laboratory notice: reagent lot ZX-5512 was withdrawn after a labelling fault was found.",
        ["hypertension"] = "Hypertension is diagnosed when office readings are persistently at or above 130/80 mmHg.",
        ["transfusion"] = "Red cell transfusion in high-risk surgery uses a restrictive haemoglobin threshold of 7 g/dL; blood products carry risks.",
        ["pressure-ulcers"] = "Pressure ulcers are prevented by repositioning bedbound patients and using high-specification foam mattresses.",
        ["trial-reporting"] = "Clinical trial results should be reported with the trial registration number and the primary outcome.",
        ["statins"] = "Statins lower LDL cholesterol and reduce cardiovascular events in adults at raised risk.",
    };

    private readonly IndexedTestCorpus corpus = new("hybrid", Documents,
    [
        $$"""{"question": "{{LexicalQuestion}}", "documents": ["zx-reagent"]}""",
        $$"""{"question": "{{SemanticQuestion}}", "documents": ["hypertension"]}""",
    ]);

    public Task InitializeAsync() => corpus.InitializeAsync();

    public Task DisposeAsync() => corpus.DisposeAsync();

    private async Task<List<string>> RankAsync(string question, RetrieverKind kind)
    {
        var result = await corpus.Get<AskPipeline>().RetrieveAsync(new AskRequest(question, 6, null, kind, RerankerKind.None));
        return result.Passages.Select(p => p.Passage.DocumentId).ToList();
    }

    [Fact]
    public async Task AQuestionMatchingADocumentOnlyByWordsIsFoundByHybridSearch()
    {
        var sparse = await RankAsync(LexicalQuestion, RetrieverKind.Sparse);
        var hybrid = await RankAsync(LexicalQuestion, RetrieverKind.Hybrid);

        Assert.Equal(["zx-reagent"], sparse);
        Assert.Contains("zx-reagent", hybrid.Take(2));
    }

    [Fact]
    public async Task AQuestionMatchingADocumentOnlyByMeaningIsFoundByHybridSearch()
    {
        var sparse = await RankAsync(SemanticQuestion, RetrieverKind.Sparse);
        var dense = await RankAsync(SemanticQuestion, RetrieverKind.Dense);
        var hybrid = await RankAsync(SemanticQuestion, RetrieverKind.Hybrid);

        Assert.DoesNotContain("hypertension", sparse);
        Assert.Contains("pressure-ulcers", sparse);
        Assert.Equal("hypertension", dense[0]);
        // Fusion sums ranks, so the two word-matching distractors found by both retrievers may edge
        // ahead; the meaning-only match must still be in the top three of six.
        Assert.Contains("hypertension", hybrid.Take(3));
    }

    [Fact]
    public async Task LinearFusionIsTheCosinePlusTheWeightedWordScore()
    {
        var index = corpus.Get<IPassageIndex>();
        var embedding = await corpus.Get<IEmbeddingGenerator<string, Embedding<float>>>()
            .GenerateAsync("Represent this sentence for searching relevant passages: " + LexicalQuestion);
        PassageQuery Query(RetrieverKind kind, double weight) =>
            new(embedding.Vector, SparseEncoder.EncodeQuery(LexicalQuestion), kind, 6, Workbench.Core.Domain.SearchFilters.None, new FusionSettings(FusionKind.Linear, SparseWeight: weight));

        var dense = await index.SearchAsync(Query(RetrieverKind.Dense, 0));
        var unweighted = await index.SearchAsync(Query(RetrieverKind.Hybrid, 0));
        var weighted = await index.SearchAsync(Query(RetrieverKind.Hybrid, 0.05));
        var sparse = (await index.SearchAsync(Query(RetrieverKind.Sparse, 0))).Single();

        // With no weight it is dense search; with one, the word-matching passage gains exactly weight × its BM25 score.
        Assert.Equal(dense.Select(p => p.Passage.Id), unweighted.Select(p => p.Passage.Id));
        Assert.All(unweighted, p => Assert.Equal(p.Score, p.RankScore, 4));
        var zx = weighted.Single(p => p.Passage.DocumentId == "zx-reagent");
        Assert.Equal(zx.Score + (0.05 * sparse.RankScore), zx.RankScore, 4);
        Assert.Equal("zx-reagent", weighted[0].Passage.DocumentId);
    }

    [Fact]
    public async Task HybridResultsCarryTheirDenseSimilarityForAbstention()
    {
        // A code-like question, so the adaptive weight keeps the word score in the default linear fusion's ranking.
        var pipeline = corpus.Get<AskPipeline>();
        var result = await pipeline.RetrieveAsync(new AskRequest(LexicalQuestion, 3, null, RetrieverKind.Hybrid));
        var cosines = (await pipeline.RetrieveAsync(new AskRequest(LexicalQuestion, Documents.Count, null, RetrieverKind.Dense, RerankerKind.None)))
            .Passages.ToDictionary(p => p.Passage.Id, p => p.Score);

        Assert.All(result.Passages, p => Assert.InRange(p.Score, 0.1, 1.0));
        Assert.All(result.Passages, p => Assert.Equal(cosines[p.Passage.Id], p.Score, 4));
        Assert.All(result.Passages, p => Assert.NotEqual(p.Score, p.RankScore));
        Assert.Equal("hybrid", result.Configuration.Retriever);
        Assert.StartsWith("linear", result.Configuration.Fusion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HitsCarryTheCosineThatDenseSearchGivesAndTheirTermIdsWhenAsked()
    {
        var index = corpus.Get<IPassageIndex>();
        var embedding = await corpus.Get<IEmbeddingGenerator<string, Embedding<float>>>()
            .GenerateAsync("Represent this sentence for searching relevant passages: " + SemanticQuestion);
        PassageQuery Query(RetrieverKind kind) =>
            new(embedding.Vector, SparseEncoder.EncodeQuery(SemanticQuestion), kind, 6, Workbench.Core.Domain.SearchFilters.None, new FusionSettings(FusionKind.Dbsf), WithTermIds: true);

        var cosines = (await index.FindAsync(Query(RetrieverKind.Dense))).ToDictionary(h => h.PointId, h => h.RankScore);
        var hybrid = await index.FindAsync(Query(RetrieverKind.Hybrid));
        var sparse = await index.FindAsync(Query(RetrieverKind.Sparse));
        var passages = await index.LoadAsync(hybrid);

        Assert.All(hybrid.Concat(sparse), h => Assert.Equal(cosines[h.PointId], h.Score, 5));
        Assert.Equal(hybrid.Select(h => h.PointId), passages.Select(p => StoredPassages.PointGuid(p.Passage.Id)));
        Assert.All(hybrid.Zip(passages), x => Assert.Equal(SparseEncoder.TermIds(x.Second.Passage.EmbeddingText).Order(), x.First.TermIds!.Order()));
    }

    [Fact]
    public async Task TheHarnessScoresATinyDataSetAsComputedByHand()
    {
        var dataset = EvaluationDataset.Load(corpus.Folder);

        var report = await corpus.Get<RetrievalEvaluator>().RunAsync(dataset, [RetrieverSpec.Parse("sparse")]);

        // Sparse finds ZX-5512 first and never finds the hypertension document: half of each metric.
        Assert.Equal(["dense", "sparse"], report.Retrievers.Select(r => r.Retriever));
        var (dense, sparse) = (report.Retrievers[0], report.Retrievers[1]);
        Assert.Equal(sparse.Ndcg10 - dense.Ndcg10, sparse.NdcgVsDense!.Value, 6);
        Assert.Equal(new Estimate(0, 0, 0), dense.NdcgVsDense);
        Assert.Equal(2, sparse.Questions);
        Assert.Equal(0.5, sparse.Recall1, 6);
        Assert.Equal(0.5, sparse.Recall10, 6);
        Assert.Equal(0.5, sparse.Mrr10, 6);
        Assert.Equal(0.5, sparse.Ndcg10, 6);
        Assert.True(sparse.P50Ms > 0 && sparse.P95Ms >= sparse.P50Ms);
        Assert.Equal(Documents.Count, report.Documents);
        Assert.Equal("document", report.Relevance);
    }

    [Fact]
    public async Task DefaultIsWhatTheAskPageRunsNamedByItsPipeline()
    {
        var report = await corpus.Get<RetrievalEvaluator>().RunAsync(EvaluationDataset.Load(corpus.Folder), [RetrieverSpec.Default]);

        // The configured default (hybrid, linear fusion, lexical re-ranking, cleaned question, adaptive weight), not plain hybrid, beside the dense baseline.
        Assert.Equal(["dense", "default: hybrid [linear(sparse×0.005), lexical(w=0.2), cleaned, adaptive sparse weight]"], report.Retrievers.Select(r => r.Retriever));
    }
}
