using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpenTelemetry.Metrics;
using Workbench.Core.Telemetry;

namespace Workbench.IntegrationTests.Telemetry;

/// <summary>
/// What the real app exports through OpenTelemetry (in-memory exporters), on a three-document corpus of
/// its own indexed one document per batch. A question is sent with a trace id of the test's own, so its
/// trace is told apart from anything else running in the process.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class TelemetryTests(IntegrationFixture fixture) : IAsyncLifetime
{
    private const string Question = "Should John Smith MRN 12345678 take low-dose aspirin to prevent preeclampsia?";

    private readonly TempFolder folder = new("workbench-telemetry-");
    private readonly CapturedTelemetry telemetry = new();
    private readonly string collection = "telemetry-" + Guid.NewGuid().ToString("N")[..8];
    private WorkbenchAppFactory app = null!;

    public async Task InitializeAsync()
    {
        var corpus = RepositoryPaths.CopyCorpusSample(folder, 2, alsoMatching: "*aspirin-preeclampsia*");
        app = new WorkbenchAppFactory(fixture.Qdrant, collection) { Telemetry = telemetry };
        app.Overrides["Corpus:Directory"] = corpus;
        app.Overrides["Admin:ReindexBatchDocuments"] = "1";
        app.Overrides["Telemetry:Prometheus"] = "true";
        // More than the default levels let through, so the privacy test reads the framework's request and database logs too.
        app.Overrides["Logging:LogLevel:Microsoft.AspNetCore"] = "Information";
        app.Overrides["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Information";
        await app.WaitForIndexAsync(TimeSpan.FromMinutes(2));
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task OneAskIsOneTraceOfItsStagesInOrderWithTheirConventionalAttributes()
    {
        var (traceId, _) = await AskAsync(await app.ClientAsync(Roles.Clinician));
        var spans = await TraceAsync(traceId, "save answers");

        var server = Assert.Single(spans, s => s.Kind == ActivityKind.Server);
        var ask = Assert.Single(spans, s => s.OperationName == WorkbenchTelemetry.Spans.Ask);
        Assert.Equal(server.SpanId, ask.ParentSpanId);
        var stages = spans.Where(s => s.ParentSpanId == ask.SpanId).OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal(["embeddings snowflake-arctic-embed-xs", "retrieval " + app.Services.GetRequiredService<Core.Retrieval.IPassageIndex>().Collection],
            stages.Take(2).Select(s => s.DisplayName));
        Assert.StartsWith("chat ", stages[2].DisplayName);
        Assert.Equal(["verify citations", "save answers"], stages.Skip(3).Select(s => s.DisplayName));
        Assert.Equal(5, stages.Count);

        var (embeddings, retrieval, chat, verify, save) = (stages[0], stages[1], stages[2], stages[3], stages[4]);
        Assert.Equal("embeddings", embeddings.GetTagItem("gen_ai.operation.name"));
        Assert.Equal("snowflake-arctic-embed-xs", embeddings.GetTagItem("gen_ai.request.model"));
        Assert.Equal("retrieval", retrieval.GetTagItem("gen_ai.operation.name"));
        Assert.Equal(retrieval.DisplayName["retrieval ".Length..], retrieval.GetTagItem("gen_ai.data_source.id"));
        Assert.IsType<string>(retrieval.GetTagItem("workbench.retrieval.retriever"));
        Assert.IsType<string>(retrieval.GetTagItem("workbench.retrieval.fusion"));
        Assert.True((int)retrieval.GetTagItem("gen_ai.request.top_k")! > 0);
        Assert.True((int)retrieval.GetTagItem("workbench.retrieval.hits")! > 0);
        Assert.True((double)retrieval.GetTagItem("workbench.retrieval.best_score")! > 0);
        // The re-ranker and Qdrant's gRPC calls are inside retrieval, not beside it.
        Assert.All(spans.Where(s => s.DisplayName.StartsWith("rerank", StringComparison.Ordinal)), s => Assert.Equal(retrieval.SpanId, s.ParentSpanId));
        Assert.Contains(spans, s => s.ParentSpanId == retrieval.SpanId && s.Kind == ActivityKind.Client);
        Assert.Equal("chat", chat.GetTagItem("gen_ai.operation.name"));
        Assert.Equal(chat.DisplayName["chat ".Length..], chat.GetTagItem("gen_ai.request.model"));
        Assert.Equal("workbench.extractive", chat.GetTagItem("gen_ai.provider.name"));
        Assert.True((int)verify.GetTagItem("workbench.verification.sentences")! > 0);
        Assert.Equal("answers", save.GetTagItem("db.collection.name"));
        Assert.Equal(false, ask.GetTagItem("workbench.ask.abstained"));
        Assert.All(stages, s => Assert.NotNull(s.GetTagItem("workbench.ask.stage")));

        // The Operations page's in-process view is fed by the same spans.
        var operations = app.Services.GetRequiredService<OperationsMonitor>().Snapshot();
        Assert.True(operations.Asks >= 1);
        Assert.Superset(new HashSet<string> { "total", "embeddings", "retrieval", "chat", "verification", "save" }, operations.Latency.Select(l => l.Stage).ToHashSet());
    }

    [Fact]
    public async Task NoSpanAttributeEventOrLogRecordHoldsTheQuestionThePassagesOrTheUserName()
    {
        var user = await app.ClientAsync("quincy.zebulon", Roles.Clinician);
        var (traceId, answer) = await AskAsync(user);
        await TraceAsync(traceId, "save answers");
        // The passages quoted and the answer's own sentences (the extractive composer's are the passages' words).
        var passages = answer["citations"]!.AsArray().Select(c => c!["quote"]!.GetValue<string>())
            .Concat(answer["sentences"]!.AsArray().Select(c => c!["text"]!.GetValue<string>())).ToList();
        Assert.NotEmpty(passages);

        var exported = telemetry.Spans.SelectMany(CapturedTelemetry.TextOf).Concat(telemetry.LogRecords).ToList();
        // The capture works: the ask's own spans are there, and the request's log records, in its trace.
        Assert.Contains(exported, text => text.Contains("gen_ai.operation.name=chat", StringComparison.Ordinal));
        Assert.Contains(telemetry.LogRecords, text => text.StartsWith($"trace={traceId}", StringComparison.Ordinal) && text.Contains("/api/ask", StringComparison.Ordinal));

        var words = Regex.Split(Question, @"[^\w-]+").Where(w => w.Length >= 3).Append("quincy").Append("zebulon").ToList();
        var leaked = exported.Where(text => words.Any(w => Regex.IsMatch(text, $@"\b{Regex.Escape(w)}\b", RegexOptions.IgnoreCase))
            || passages.Any(p => text.Contains(p[..Math.Min(40, p.Length)], StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaked.Count == 0, "Exported: " + string.Join(" | ", leaked));
    }

    [Fact]
    public async Task AReindexJobIsOneSpanWithOneChildPerBatchAndTheMetricsHaveTheirUnits()
    {
        // The first start built this app's collection: one job, three documents, one per batch.
        var batches = telemetry.Spans.Where(s => s.DisplayName == "index batch" && (s.GetTagItem("gen_ai.data_source.id") as string)?.StartsWith(collection, StringComparison.Ordinal) == true).ToList();
        Assert.Equal(3, batches.Count);
        var reindex = Assert.Single(telemetry.Spans, s => s.SpanId == batches[0].ParentSpanId);
        Assert.Equal("reindex full", reindex.DisplayName);
        Assert.Equal("succeeded", reindex.GetTagItem("workbench.reindex.outcome"));
        Assert.All(batches, b => Assert.Equal(reindex.SpanId, b.ParentSpanId));
        Assert.All(batches, b => Assert.Equal(1, b.GetTagItem("workbench.indexing.documents")));
        Assert.True(batches.Sum(b => (int)b.GetTagItem("workbench.indexing.embedded")!) > 0);

        await AskAsync(await app.ClientAsync(Roles.Clinician));
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var units = telemetry.Metrics.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last().Unit);
        Assert.Equal("s", units["workbench.ask.duration"]);
        Assert.Equal("s", units["workbench.ask.stage.duration"]);
        Assert.Equal("1", units["workbench.retrieval.best_score"]);
        Assert.Equal("{passage}", units["workbench.indexing.passages_embedded"]);
        Assert.Equal("1", units["workbench.reindex.progress"]);
        Assert.Equal("{job}", units["workbench.reindex.jobs"]);
        var stages = telemetry.Metrics.Where(m => m.Name == "workbench.ask.stage.duration")
            .SelectMany(m => m.MetricPoints).Select(p => StageOf(p)).ToHashSet();
        Assert.Superset(new HashSet<string?> { "embeddings", "retrieval", "chat", "verification", "save" }, stages);
    }

    [Fact]
    public async Task MetricsAreScrapedByAdminsOnly()
    {
        using var anonymous = await app.CreateClient().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var clinician = await (await app.ClientAsync(Roles.Clinician)).GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Forbidden, clinician.StatusCode);
        using var admin = await (await app.ClientAsync(Roles.Admin)).GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("workbench_indexing_passages_embedded", await admin.Content.ReadAsStringAsync());
    }

    private static string? StageOf(MetricPoint point)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == "workbench.ask.stage")
            {
                return tag.Value as string;
            }
        }

        return null;
    }

    /// <summary>Asks <see cref="Question"/> as a request continuing a trace of the test's own; returns that trace id and the answer.</summary>
    private static async Task<(ActivityTraceId TraceId, JsonObject Answer)> AskAsync(HttpClient client)
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = JsonContent.Create(new { question = Question }) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False(answer["abstained"]!.GetValue<bool>());
        return (traceId, answer);
    }

    /// <summary>The trace's spans once the request's own span has ended (after its response was sent).</summary>
    private async Task<List<Activity>> TraceAsync(ActivityTraceId traceId, string lastInner)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var spans = telemetry.Spans.Where(s => s.TraceId == traceId).ToList();
            if (spans.Any(s => s.Kind == ActivityKind.Server) && spans.Any(s => s.DisplayName == lastInner))
            {
                return spans;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The trace has {spans.Count} spans: {string.Join(", ", spans.Select(s => s.DisplayName))}");
            await Task.Delay(50);
        }
    }
}
