using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qdrant.Client;
using Workbench.Core.Ingestion;
using Workbench.Core.Retrieval;

namespace Workbench.Cli;

/// <summary>
/// <c>bench ingest</c>: end-to-end ingestion throughput (read, chunk, embed, sparse-encode, upsert into
/// a fresh collection) next to the raw ONNX embedding throughput on the same passages, in one run.
/// </summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CommandLine arguments)
    {
        if (arguments.Positional is not ["ingest"])
        {
            throw new ArgumentException("usage: bench ingest [--source DIR] [--limit DOCUMENTS]");
        }

        var source = DocumentSources.ForDirectory(arguments.Option("source") ?? services.GetRequiredService<IOptions<CorpusOptions>>().Value.Directory);
        var documents = source.Read().Documents.Take(arguments.IntOption("limit") ?? int.MaxValue).ToList();
        var limited = new FixedSource(source.Name, documents);
        var chunker = services.GetRequiredService<TokenChunker>();
        var passages = documents.SelectMany(chunker.Chunk).Select(p => p.EmbeddingText).ToList();
        var embedder = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        await embedder.GenerateAsync(passages.Take(32));

        var stopwatch = Stopwatch.StartNew();
        await embedder.GenerateAsync(passages);
        var raw = passages.Count / stopwatch.Elapsed.TotalSeconds;

        var collection = "bench-ingest-" + Guid.NewGuid().ToString("N")[..8];
        var client = services.GetRequiredService<QdrantClient>();
        var index = new QdrantPassageIndex(client, Options.Create(new QdrantOptions { Collection = collection }), services.GetRequiredService<ILogger<QdrantPassageIndex>>());
        var indexer = new PassageIndexer(chunker, embedder, index, services.GetRequiredService<ILogger<PassageIndexer>>());
        try
        {
            var report = await indexer.IndexAsync(limited);
            var endToEnd = report.Passages / report.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"""
                ingestion benchmark: {source.Name}, {documents.Count} documents, {passages.Count} passages, {Environment.ProcessorCount} cores
                raw ONNX embedding:   {raw,8:F1} passages/s  ({passages.Count} passages in {passages.Count / raw:F1} s)
                end to end:           {endToEnd,8:F1} passages/s  ({report.Passages} passages in {report.Elapsed.TotalSeconds:F1} s: read, chunk, embed, sparse, upsert)
                end to end / raw:     {100 * endToEnd / raw,8:F1} %
                """));
        }
        finally
        {
            await client.DeleteCollectionAsync(collection);
        }

        return 0;
    }

    private sealed class FixedSource(string name, IReadOnlyList<Workbench.Core.Domain.SourceDocument> documents) : IDocumentSource
    {
        public string Name => name;

        public SourceReadResult Read() => new(documents, []);
    }
}
