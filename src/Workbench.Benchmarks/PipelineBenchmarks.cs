using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Workbench.Core.Deidentification;
using Workbench.Core.Domain;
using Workbench.Core.Embeddings;
using Workbench.Core.Ingestion;
using Workbench.Core.Retrieval;

namespace Workbench.Benchmarks;

/// <summary>
/// The CPU stages of asking and indexing, on the real model and the bundled corpus: what one question
/// costs before Qdrant, and what batching concurrent questions buys.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const string Question = "What dose of aspirin is recommended to prevent preeclampsia in pregnant people at high risk?";

    private OnnxEmbeddingGenerator embedder = null!;
    private TokenChunker chunker = null!;
    private SourceDocument document = null!;
    private string passage = string.Empty;
    private string[] questions = [];
    private string[] passages = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = Repository.Root;
        embedder = new OnnxEmbeddingGenerator(Options.Create(new EmbeddingOptions { ModelDirectory = Path.Combine(root, ".data", "models", "arctic-embed-xs") }));
        chunker = new TokenChunker(embedder.Tokenizer, new ChunkingOptions());
        var corpus = new MarkdownCorpusSource(Path.Combine(root, "corpus")).Read().Documents;
        document = corpus.First(d => d.Id.Contains("aspirin", StringComparison.Ordinal));
        var chunks = corpus.SelectMany(chunker.Chunk).ToList();
        passage = chunks[0].EmbeddingText;
        passages = chunks.Take(32).Select(c => c.EmbeddingText).ToArray();
        questions = corpus.Take(16).Select(d => $"What does {d.Metadata.Organisation} recommend on {d.Metadata.Title}?").ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => embedder.Dispose();

    [Benchmark(Description = "embed one question")]
    public Task EmbedQuestion() => embedder.GenerateAsync([Question]);

    /// <summary>Sixteen clinicians asking at once: their questions are coalesced into batches by one worker.</summary>
    [Benchmark(Description = "embed 16 concurrent questions")]
    public Task EmbedConcurrentQuestions() => Task.WhenAll(questions.Select(q => embedder.GenerateAsync([q])));

    [Benchmark(Description = "embed 32 passages (indexing batch)")]
    public Task EmbedPassages() => embedder.GenerateAsync(passages);

    [Benchmark(Description = "sparse-encode a question")]
    public object SparseQuestion() => SparseEncoder.EncodeQuery(Question);

    [Benchmark(Description = "sparse-encode a passage")]
    public object SparsePassage() => SparseEncoder.EncodeDocument(passage);

    [Benchmark(Description = "de-identify a document")]
    public object Deidentify() => DocumentDeidentifier.Deidentify(document);

    [Benchmark(Description = "chunk a document")]
    public object Chunk() => chunker.Chunk(document);
}
