using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workbench.Core.Answering.Verification;
using Workbench.Core.Answering;
using Workbench.Core.Deidentification;
using Workbench.Core.Diagnostics;
using Workbench.Core.Domain;
using Workbench.Core.Evaluation;
using Workbench.Core.Ingestion;
using Workbench.Core.Ingestion.Datasets;
using Workbench.Core.Retrieval;

namespace Workbench.Cli;

/// <summary>
/// <c>bench deid</c>: de-identification quality. <c>bench ingest</c>: end-to-end ingestion throughput (read, chunk, embed, sparse-encode, upsert into
/// a fresh collection) next to the raw ONNX embedding throughput on the same passages, in one run.
/// </summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CommandSpec command, CommandLine arguments) => command.Name switch
    {
        "bench ingest" => await IngestAsync(services, arguments),
        "bench deid" => Deidentification(services, arguments),
        "bench verify" => await VerificationAsync(services, arguments),
        "bench ask" => await AskLatencyAsync(services, arguments),
        "bench load" => await LoadAsync(arguments),
        "bench scale" => await ScaleBench.RunAsync(services, services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(), arguments),
        _ => throw new UsageException($"'{command.Name}' is not a command: run 'workbench help' for the list"),
    };

    /// <summary>
    /// Ask latency of the configured pipeline (embed, hybrid retrieve, compose, verify) against whatever
    /// the configured collection holds, with a data set's questions: p50/p95/p99 after a warm-up.
    /// </summary>
    private static async Task<int> AskLatencyAsync(IServiceProvider services, CommandLine arguments)
    {
        var dataset = EvaluationDataset.Load(CommandInputs.ExistingFolder(arguments.Required("dataset"), "--dataset"), arguments.IntOption("limit") ?? 300);
        var passages = await services.GetRequiredService<IPassageIndex>().CountAsync();
        var samples = await TimeAsync(services.GetRequiredService<AskPipeline>(), dataset.Questions.Select(q => q.Question).ToList());

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ask latency, {samples.Count} questions of {dataset.Name}, {passages:N0} passages indexed: p50 {RetrievalMetrics.Percentile(samples, 50):F1} ms, p95 {RetrievalMetrics.Percentile(samples, 95):F1} ms, p99 {RetrievalMetrics.Percentile(samples, 99):F1} ms"));
        return 0;
    }

    /// <summary>Milliseconds per question through the pipeline, one after another, after ten warm-up questions.</summary>
    public static async Task<List<double>> TimeAsync(AskPipeline pipeline, IReadOnlyList<string> questions)
    {
        foreach (var question in questions.Take(10))
        {
            await pipeline.AskAsync(new AskRequest(question));
        }

        var samples = new List<double>();
        foreach (var question in questions)
        {
            var stopwatch = Stopwatch.StartNew();
            await pipeline.AskAsync(new AskRequest(question));
            samples.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        return samples;
    }

    /// <summary>
    /// N simultaneous clinicians asking through the REST API of a running workbench for a while each:
    /// throughput, latency percentiles, errors, and (with --pid) the server's resident memory.
    /// </summary>
    private static async Task<int> LoadAsync(CommandLine arguments)
    {
        var url = arguments.Option("url") ?? "http://127.0.0.1:5080";
        var seconds = arguments.IntOption("seconds") ?? 20;
        var pid = arguments.IntOption("pid");
        var qdrantPid = arguments.IntOption("qdrant-pid");
        var token = arguments.Option("token") ?? Environment.GetEnvironmentVariable("WORKBENCH_TOKEN")
            ?? throw new UsageException("bench load needs an API token of a clinician: --token wbt_… or WORKBENCH_TOKEN (create one on /account/tokens)");
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Console.WriteLine($"load on {url}/api/ask, {seconds} s per step{(pid is null ? "" : $", server pid {pid}")}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle: server RSS {ProcessMemory.Format(ProcessMemory.ResidentMegabytes(pid))} MB, Qdrant RSS {ProcessMemory.Format(ProcessMemory.ResidentMegabytes(qdrantPid))} MB"));
        Console.WriteLine("| users | requests | errors | requests/s | p50 ms | p95 ms | p99 ms | server RSS MB | Qdrant RSS MB |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var users in arguments.IntList("users", "1,10,50"))
        {
            var samples = new List<double>();
            var errors = 0;
            var until = DateTime.UtcNow.AddSeconds(seconds);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, users).Select(async user =>
            {
                for (var i = user; DateTime.UtcNow < until; i++)
                {
                    var stopwatch = Stopwatch.StartNew();
                    using var response = await http.PostAsync("/api/ask",
                        new StringContent(System.Text.Json.JsonSerializer.Serialize(new { question = LoadQuestions.All[i % LoadQuestions.All.Count] }), System.Text.Encoding.UTF8, "application/json"));
                    lock (samples)
                    {
                        samples.Add(stopwatch.Elapsed.TotalMilliseconds);
                        errors += response.IsSuccessStatusCode ? 0 : 1;
                    }
                }
            }));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {users} | {samples.Count} | {errors} | {samples.Count / clock.Elapsed.TotalSeconds:F1} | {RetrievalMetrics.Percentile(samples, 50):F0} | {RetrievalMetrics.Percentile(samples, 95):F0} | {RetrievalMetrics.Percentile(samples, 99):F0} | {ProcessMemory.Format(ProcessMemory.ResidentMegabytes(pid))} | {ProcessMemory.Format(ProcessMemory.ResidentMegabytes(qdrantPid))} |"));
        }

        return 0;
    }

    /// <summary>
    /// The citation verifier on the labelled (sentence, passage) pairs: precision and recall of
    /// "unsupported", and how each kind of edit fares. Thresholds were chosen on the even-numbered pairs,
    /// so the odd-numbered half is reported apart as the held-out figure.
    /// </summary>
    private static async Task<int> VerificationAsync(IServiceProvider services, CommandLine arguments)
    {
        var path = arguments.Option("pairs") ?? Path.Combine("tests", "Workbench.UnitTests", "Answering", "citation-pairs.jsonl");
        var pairs = VerificationEvaluation.Load(path);
        var stopwatch = Stopwatch.StartNew();
        var verdicts = await services.GetRequiredService<CitationVerifier>().VerifyAsync(pairs.Select(p => (p.Sentence, (IReadOnlyList<string>)[p.Passage])).ToList());
        var elapsed = stopwatch.Elapsed;
        var all = VerificationEvaluation.Score(pairs, verdicts);
        VerificationScore Half(int parity) => VerificationEvaluation.Score(pairs.Where((_, i) => i % 2 == parity).ToList(), verdicts.Where((_, i) => i % 2 == parity).ToList());
        Console.WriteLine($"citation verification on {all.Pairs} labelled pairs ({path}), {elapsed.TotalMilliseconds / all.Pairs:F1} ms per pair");
        foreach (var (name, score) in new[] { ("all pairs", all), ("tuning half (even lines)", Half(0)), ("held-out half (odd lines)", Half(1)) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: unsupported {score.Unsupported}, judged unsupported {score.JudgedUnsupported}, caught {score.Caught}: recall {score.Recall:F3}, precision {score.Precision:F3}"));
        }

        Console.WriteLine("| kind | labelled | pairs | judged right |");
        Console.WriteLine("|---|---|---:|---:|");
        foreach (var kind in all.Kinds)
        {
            Console.WriteLine($"| {kind.Kind} | {(kind.Supported ? "supported" : "unsupported")} | {kind.Pairs} | {kind.Correct} |");
        }

        // Errors of one half only ("even" while tuning), so the other half stays unseen; lines are numbered from 0.
        if (arguments.Option("show-errors") is { } half)
        {
            var errors = pairs.Zip(verdicts).Select((x, line) => (Pair: x.First, Verdict: x.Second, Line: line))
                .Where(x => (x.Verdict.Level == SupportLevel.Unsupported) == x.Pair.Supported)
                .Where(x => half switch { "even" => x.Line % 2 == 0, "odd" => x.Line % 2 == 1, _ => true });
            foreach (var (pair, verdict, line) in errors)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{line} {(pair.Supported ? "FALSE ALARM" : "MISSED")} [{pair.Kind}] sim {verdict.Similarity:F3} cov {verdict.Coverage:F2} {string.Join("; ", verdict.Reasons)}\n  S: {pair.Sentence}\n  P: {pair.Passage}"));
            }
        }

        return 0;
    }

    /// <summary>
    /// Recall and precision per identifier kind on the labelled synthetic snippets, then every redaction
    /// made in a folder of public text (the bundled corpus unless --corpus names another: PubMedQA, MedQuAD),
    /// by kind and per 1,000 words, and with --out each one as a JSONL line with its surroundings.
    /// Misses are shown only on request, and only for the synthetic set.
    /// </summary>
    private static int Deidentification(IServiceProvider services, CommandLine arguments)
    {
        var path = arguments.Option("labelled") ?? Path.Combine("tests", "Workbench.UnitTests", "Deidentification", "labelled-snippets.jsonl");
        var snippets = DeidentificationEvaluation.Load(path);
        var score = DeidentificationEvaluation.Score(snippets);
        Console.WriteLine($"de-identification on {score.Snippets} labelled synthetic snippets ({path})");
        Console.WriteLine("| kind | labelled | found | recall | redactions | correct | precision |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var k in score.Kinds)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {k.Kind} | {k.Labelled} | {k.Found} | {k.Recall:F3} | {k.Predicted} | {k.Correct} | {k.Precision:F3} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| all | {score.Kinds.Sum(k => k.Labelled)} | {score.Kinds.Sum(k => k.Found)} | {score.Recall:F3} | {score.Kinds.Sum(k => k.Predicted)} | {score.Kinds.Sum(k => k.Correct)} | {score.Precision:F3} |"));
        Console.WriteLine($"clinical values redacted by mistake: {score.KeepViolations}");
        if (arguments.Flag("show-misses"))
        {
            foreach (var snippet in snippets)
            {
                var redacted = Deidentifier.Redact(snippet.Text);
                foreach (var (kind, value) in snippet.Identifiers.Where(i => redacted.Text.Contains(i.Value, StringComparison.Ordinal)))
                {
                    Console.WriteLine($"missed {kind} '{value}' in #{snippet.Id}: {redacted.Text}");
                }

                foreach (var keep in snippet.Keep.Where(k => !redacted.Text.Contains(k, StringComparison.Ordinal)))
                {
                    Console.WriteLine($"mangled '{keep}' in #{snippet.Id}: {redacted.Text}");
                }
            }
        }

        var directory = CommandInputs.ExistingFolder(arguments.Option("corpus") ?? services.GetRequiredService<IOptions<CorpusOptions>>().Value.Directory, "--corpus");
        var source = DocumentSources.ForDirectory(directory);
        var split = arguments.Option("split");
        if (split is not null and not ("dev" or "test"))
        {
            throw new FormatException($"unknown split '{split}': use dev or test");
        }

        var documents = source.Read().Documents;
        if (split is not null)
        {
            // The halves eval uses: PubMedQA's official test abstracts and the rest; elsewhere a hash of the document's id.
            var test = source is PubMedQaSource pubMedQa
                ? pubMedQa.ReadTestSplit().Select(PubMedQaSource.DocumentId).ToHashSet()
                : documents.Select(d => d.Id).Where(EvaluationDataset.InTestHalf).ToHashSet();
            documents = documents.Where(d => test.Contains(d.Id) == (split == "test")).ToList();
        }

        var report = DeidentificationEvaluation.OnCorpus(documents, services.GetRequiredService<DeidentificationSettings>().AllowList());
        Console.WriteLine($"{source.Name}{(split is null ? "" : $" ({split} half)")}: {report.Documents:N0} documents, {report.Words:N0} words (public text: every redaction is a false positive unless it names a patient)");
        foreach (var kind in report.Redactions.GroupBy(r => r.Kind).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind.Key}: {kind.Count()} ({1000.0 * kind.Count() / Math.Max(1, report.Words):F3} per 1,000 words)"));
        }

        Console.WriteLine($"  in titles and headings: {report.HeadingRedactions}");
        if (arguments.Option("out") is { } output)
        {
            using var writer = new StreamWriter(output);
            foreach (var r in report.Redactions)
            {
                writer.WriteLine(JsonSerializer.Serialize(new
                {
                    document = r.Document, field = r.Field.ToString().ToLowerInvariant(), kind = r.Kind.ToString().ToUpperInvariant(), before = r.Before, span = r.Span, after = r.After,
                }));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"redactions: {report.Redactions.Count} in {report.Words} words ({report.PerThousandWords:F3} per 1,000 words)"));
        return 0;
    }

    private static async Task<int> IngestAsync(IServiceProvider services, CommandLine arguments)
    {
        var source = DocumentSources.ForDirectory(CommandInputs.ExistingFolder(arguments.Option("source") ?? services.GetRequiredService<IOptions<CorpusOptions>>().Value.Directory, "--source"));
        var documents = source.Read().Documents.Take(arguments.IntOption("limit") ?? int.MaxValue).ToList();
        var limited = new FixedSource(source.Name, documents);
        var chunker = services.GetRequiredService<TokenChunker>();
        var stage = Stopwatch.StartNew();
        var deidentified = documents.Select(d => DocumentDeidentifier.Deidentify(d).Document).ToList();
        var deidentifySeconds = stage.Elapsed.TotalSeconds;
        stage.Restart();
        var passages = deidentified.SelectMany(chunker.Chunk).Select(p => p.EmbeddingText).ToList();
        var chunkSeconds = stage.Elapsed.TotalSeconds;
        stage.Restart();
        foreach (var text in passages)
        {
            SparseEncoder.EncodeDocument(text);
        }

        var sparseSeconds = stage.Elapsed.TotalSeconds;
        var embedder = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        await embedder.GenerateAsync(passages.Take(32));

        var stopwatch = Stopwatch.StartNew();
        await embedder.GenerateAsync(passages);
        var raw = passages.Count / stopwatch.Elapsed.TotalSeconds;

        var collection = "bench-ingest-" + Guid.NewGuid().ToString("N")[..8];
        var index = services.GetRequiredService<IPassageIndex>().For(collection);
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
                CPU stages inside end to end: de-identify {deidentifySeconds:F1} s, chunk {chunkSeconds:F1} s, sparse-encode {sparseSeconds:F1} s
                """));
        }
        finally
        {
            await services.GetRequiredService<IIndexCatalog>().DeleteCollectionAsync(collection);
        }

        return 0;
    }
}
