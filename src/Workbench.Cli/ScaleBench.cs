using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workbench.Core.Answering;
using Workbench.Core.Domain;
using Workbench.Core.Evaluation;
using Workbench.Core.Hosting;
using Workbench.Core.Ingestion;
using Workbench.Core.Retrieval;

namespace Workbench.Cli;

/// <summary>
/// <c>bench scale</c>: ask latency of the default pipeline as the index grows. Collections of the
/// requested passage counts are built once (kept for reruns) from the data sets' documents, then from
/// varied copies of them (sentences rotated within each section, so every copy embeds differently);
/// smaller collections take their vectors from the largest instead of embedding again. The same
/// questions, half from each data set, are then asked against each.
/// </summary>
public static class ScaleBench
{
    public static async Task<int> RunAsync(IServiceProvider services, IConfiguration configuration, CommandLine arguments)
    {
        var folders = arguments.Values("dataset").Select(f => CommandInputs.ExistingFolder(f, "--dataset")).ToList();
        if (folders.Count == 0)
        {
            throw new UsageException("bench scale needs --dataset DIR (one or more): run 'workbench help bench scale'");
        }

        var sizes = arguments.IntList("sizes", "1000,10000,100000").OrderDescending().ToList();
        var perDataset = (arguments.IntOption("questions") ?? 300) / folders.Count;
        var datasets = folders.Select(f => EvaluationDataset.Load(f, perDataset)).ToList();
        var questions = datasets.SelectMany(d => d.Questions.Select(q => q.Question)).ToList();
        var originals = datasets.SelectMany(d => d.Corpus.Read().Documents).DistinctBy(d => d.Id).ToList();

        var chunker = services.GetRequiredService<TokenChunker>();
        var indexer = services.GetRequiredService<PassageIndexer>();
        var index = services.GetRequiredService<IPassageIndex>();
        var rows = new List<string>();
        IPassageIndex? largest = null;
        var all = Documents(originals, chunker, sizes[0]);
        foreach (var size in sizes)
        {
            var collection = $"scale-{size}";
            var target = index.For(collection);
            // A smaller collection holds the start of the largest one's documents.
            var documents = all.Take(all.FindIndex(d => d.PassagesSoFar >= size) + 1).Select(d => d.Document).ToList();
            var progress = new ConsoleProgress<IndexingProgress>(p => $"{collection}: {p.DocumentsDone}/{p.DocumentsTotal} documents, {p.PassagesDone} passages");
            var built = await indexer.IndexIntoAsync(target, new FixedSource(collection, documents), 128, progress, reuseFrom: largest);
            progress.Finish();
            Console.Error.WriteLine($"{collection}: {built.Passages:N0} passages ({built.Embedded:N0} embedded now) in {built.Elapsed.TotalSeconds:F0} s");
            largest ??= target;

            // The pipeline exactly as the ask page runs it, pointed at this collection.
            var settings = new ConfigurationBuilder().AddConfiguration(configuration)
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Qdrant:Collection"] = collection }).Build();
            await using var scoped = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddWorkbenchCore(settings).BuildServiceProvider();
            var samples = await BenchCommand.TimeAsync(scoped.GetRequiredService<AskPipeline>(), questions);
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {built.Passages:N0} | {samples.Count} | {RetrievalMetrics.Percentile(samples, 50):F1} | {RetrievalMetrics.Percentile(samples, 95):F1} | {RetrievalMetrics.Percentile(samples, 99):F1} |"));
        }

        Console.WriteLine($"ask latency by index size ({string.Join(" + ", datasets.Select(d => d.Name))} questions; embed, hybrid retrieve, re-rank, compose, verify; {Environment.ProcessorCount} cores)");
        Console.WriteLine("| passages | questions | p50 ms | p95 ms | p99 ms |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        rows.AsEnumerable().Reverse().ToList().ForEach(Console.WriteLine);
        return 0;
    }

    /// <summary>
    /// The originals, then copies with rotated sentences, until their passages reach <paramref name="passages"/>;
    /// each with the number of passages up to and including it.
    /// </summary>
    private static List<(SourceDocument Document, int PassagesSoFar)> Documents(IReadOnlyList<SourceDocument> originals, TokenChunker chunker, int passages)
    {
        var chosen = new List<(SourceDocument, int)>();
        var total = 0;
        for (var copy = 0; total < passages; copy++)
        {
            foreach (var original in originals)
            {
                var document = copy == 0 ? original : Vary(original, copy);
                total += chunker.Chunk(document).Count;
                chosen.Add((document, total));
                if (total >= passages)
                {
                    break;
                }
            }
        }

        return chosen;
    }

    private static SourceDocument Vary(SourceDocument original, int copy) => original with
    {
        Id = $"{original.Id}~{copy}",
        Sections = original.Sections.Select(s =>
        {
            var sentences = Workbench.Core.Text.SentenceSplitter.Split(s.Text).ToList();
            var shift = copy % Math.Max(1, sentences.Count);
            return s with { Text = string.Join(' ', sentences.Skip(shift).Concat(sentences.Take(shift))) };
        }).ToList(),
    };

}
