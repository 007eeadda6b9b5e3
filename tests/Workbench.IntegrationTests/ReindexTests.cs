using Workbench.Core.Answering;
using Workbench.Core.Hosting;
using Workbench.Core.Indexing;
using Workbench.Core.Retrieval;

namespace Workbench.IntegrationTests;

/// <summary>
/// Blue/green reindexing against a real Qdrant and SQLite file, on a corpus of the test's own (twelve of
/// the bundled documents, indexed two documents per batch so a job has checkpoints to stop between).
/// </summary>
public sealed class ReindexTests : IAsyncLifetime
{
    private const string Question = "Which vaccine protects adults over 50 against shingles?";

    private readonly QdrantFixture qdrant = new();
    private readonly TempFolder folder = new("workbench-reindex-");
    private readonly List<ServiceProvider> providers = [];

    private string Corpus => Path.Combine(folder, "corpus");

    public async Task InitializeAsync()
    {
        RepositoryPaths.CopyCorpusSample(folder, 11, alsoMatching: "*zoster*.md");
        await qdrant.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            foreach (var provider in providers)
            {
                await provider.DisposeAsync();
            }
        }
        finally
        {
            await qdrant.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    /// <summary>The core services as a (re)started process would build them, on the same database and Qdrant.</summary>
    private async Task<ServiceProvider> StartAsync()
    {
        var provider = CoreServices.Build(qdrant, "served", Path.Combine(folder, "workbench.db"), new Dictionary<string, string?>
        {
            ["Corpus:Directory"] = Corpus,
            ["Admin:ReindexBatchDocuments"] = "2",
            ["Admin:RetainPreviousVersions"] = "2",
        });
        providers.Add(provider);
        await provider.MigrateDatabaseAsync();
        return provider;
    }

    private static async Task<ReindexJob> RunFullAsync(ServiceProvider services)
    {
        var run = await services.GetRequiredService<ReindexService>().RunToEndAsync(ReindexMode.Full, TestActor.Instance);
        Assert.Null(run.Conflict);
        return run.Job!;
    }

    private static async Task<string> AnswerAsync(ServiceProvider services, string question = Question)
    {
        var answer = await services.GetRequiredService<AskPipeline>().AskAsync(new AskRequest(question));
        Assert.False(answer.Abstained, answer.AbstentionReason);
        return answer.Text;
    }

    [Fact]
    public async Task AFullReindexBuildsANewVersionWhileQuestionsAreAnsweredFromTheLiveOneThroughout()
    {
        var services = await StartAsync();
        var first = await RunFullAsync(services);
        Assert.Equal(ReindexStatus.Succeeded, first.Status);
        Assert.Equal("served-v1", await services.GetRequiredService<IndexVersions>().LiveAsync());

        var reindex = services.GetRequiredService<ReindexService>();
        var running = reindex.RunToEndAsync(ReindexMode.Full, TestActor.Instance);
        var answers = 0;
        while (!running.IsCompleted)
        {
            Assert.Contains("zoster", await AnswerAsync(services), StringComparison.OrdinalIgnoreCase);
            answers++;
        }

        var done = (await running).Job;
        Assert.True(answers >= 3, $"only {answers} questions were asked during the reindex");
        Assert.Equal(ReindexStatus.Succeeded, done!.Status);
        Assert.Equal(0, done.Embedded); // nothing changed: every vector was taken from the live version
        Assert.Equal("served-v2", await services.GetRequiredService<IndexVersions>().LiveAsync());
        Assert.Equal(first.PassagesDone, await services.GetRequiredService<IPassageIndex>().CountAsync());
        Assert.Contains("zoster", await AnswerAsync(services), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AJobKilledHalfwayResumesOnRestartWithoutReembeddingWhatIsStored()
    {
        var services = await StartAsync();
        var reindex = services.GetRequiredService<ReindexService>();

        // The process "dies" once four documents are stored: the stopping token fires between batches.
        using var kill = new CancellationTokenSource();
        reindex.Changed += () =>
        {
            if (reindex.Current is { DocumentsDone: >= 4 })
            {
                kill.Cancel();
            }
        };
        var interrupted = (await reindex.RunToEndAsync(ReindexMode.Full, TestActor.Instance, kill.Token)).Job;
        Assert.Equal(ReindexStatus.Running, interrupted!.Status);
        Assert.Equal("served-v1", interrupted.TargetCollection);
        Assert.Null(await services.GetRequiredService<IndexVersions>().LiveAsync());
        var storedBeforeRestart = await services.GetRequiredService<IPassageIndex>().For("served-v1").CountAsync();
        Assert.True(storedBeforeRestart > 0);

        var restarted = await StartAsync();
        var resumedService = restarted.GetRequiredService<ReindexService>();
        await restarted.GetRequiredService<IndexBootstrap>().ResumeOrBootstrapAsync(buildWhenEmpty: true, CancellationToken.None);
        var resumed = await resumedService.RunNextAsync(CancellationToken.None);
        Assert.Equal(interrupted.Id, resumed!.Id);
        Assert.Equal(ReindexStatus.Succeeded, resumed!.Status);
        Assert.Equal(1, resumed.Resumes);
        Assert.Equal(resumed.PassagesDone - storedBeforeRestart, resumed.Embedded);
        Assert.Equal("served-v1", await restarted.GetRequiredService<IndexVersions>().LiveAsync());

        var uninterrupted = await RunFullAsync(restarted);
        Assert.Equal(uninterrupted.PassagesDone, resumed.PassagesDone);
        Assert.Equal(uninterrupted.PassagesDone, await restarted.GetRequiredService<IPassageIndex>().CountAsync());
    }

    [Fact]
    public async Task RollbackRestoresThePreviousAnswersAndCancellingLeavesTheLiveIndexAlone()
    {
        var services = await StartAsync();
        await RunFullAsync(services);
        var before = await AnswerAsync(services);

        var shingles = Directory.EnumerateFiles(Corpus, "*zoster*.md").First();
        var text = await File.ReadAllTextAsync(shingles);
        await File.WriteAllTextAsync(shingles, text.Replace("two doses of recombinant zoster vaccine", "three doses of recombinant zoster vaccine", StringComparison.Ordinal));
        var changed = await RunFullAsync(services);
        Assert.InRange(changed.Embedded, 1, 5); // only the edited document's passages went through the model
        var after = await AnswerAsync(services);
        Assert.Contains("three doses", after);
        Assert.DoesNotContain("three doses", before);

        var reindex = services.GetRequiredService<ReindexService>();
        var rollback = await reindex.StartAsync(ReindexMode.Rollback, TestActor.Instance);
        Assert.Equal(("served-v1", "served-v2"), (rollback.Job!.TargetCollection, rollback.Job.PreviousCollection));
        Assert.Equal(before, await AnswerAsync(services));

        // A reindex cancelled as soon as it has stored something: its half-built version is removed, the live one stays.
        reindex.Changed += () =>
        {
            if (reindex.Current is { DocumentsDone: >= 2 } current)
            {
                _ = reindex.CancelAsync(current.JobId, TestActor.Instance);
            }
        };
        Assert.Equal(ReindexStatus.Cancelled, (await reindex.RunToEndAsync(ReindexMode.Full, TestActor.Instance)).Job!.Status);
        var versions = await services.GetRequiredService<IndexVersions>().ListAsync();
        Assert.Equal(["served-v2", "served-v1"], versions.Select(v => v.Collection));
        Assert.Equal(before, await AnswerAsync(services));
    }

    [Fact]
    public async Task AnIndexFromBeforeSparseVectorsIsRebuiltAsANewVersionOnStart()
    {
        var services = await StartAsync();
        var client = services.GetRequiredService<Qdrant.Client.QdrantClient>();
        // What an early version left behind: a plain collection under the serving name, dense vectors only.
        var vectors = new Qdrant.Client.Grpc.VectorParamsMap();
        vectors.Map[Core.Retrieval.Qdrant.QdrantPassageIndex.DenseVector] = new Qdrant.Client.Grpc.VectorParams { Size = 384, Distance = Qdrant.Client.Grpc.Distance.Cosine };
        await client.CreateCollectionAsync("served", vectors);
        await client.UpsertAsync("served", [new Qdrant.Client.Grpc.PointStruct { Id = 1, Vectors = new Dictionary<string, float[]> { [Core.Retrieval.Qdrant.QdrantPassageIndex.DenseVector] = new float[384] } }]);

        await services.GetRequiredService<IndexBootstrap>().ResumeOrBootstrapAsync(buildWhenEmpty: true, CancellationToken.None);
        var rebuilt = await services.GetRequiredService<ReindexService>().RunNextAsync(CancellationToken.None);
        Assert.Equal(("schema upgrade", ReindexStatus.Succeeded), (rebuilt!.RequestedBy, rebuilt.Status));

        Assert.Equal("served-v1", await services.GetRequiredService<IndexVersions>().LiveAsync());
        Assert.Contains("zoster", await AnswerAsync(services), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Issue 15, item 5: an installation indexed by older de-identification rules gets the new ones without anyone reindexing.</summary>
    [Fact]
    public async Task AnIndexBuiltByOlderDeidentificationRulesIsReDerivedInPlaceOnStart()
    {
        var services = await StartAsync();
        var reindex = services.GetRequiredService<ReindexService>();
        var bootstrap = services.GetRequiredService<IndexBootstrap>();
        await bootstrap.ResumeOrBootstrapAsync(buildWhenEmpty: true, CancellationToken.None);
        Assert.NotNull(await reindex.RunNextAsync(CancellationToken.None));
        var live = (await services.GetRequiredService<IndexVersions>().LiveAsync())!;

        // What the older rules left behind: their version in every passage's hash, and a guideline's month-year removed.
        var client = services.GetRequiredService<Qdrant.Client.QdrantClient>();
        var stored = (await client.ScrollAsync(live, limit: 1000, payloadSelector: true)).Result;
        var dated = stored.First(p => p.Payload["text"].StringValue.Contains("2021", StringComparison.Ordinal));
        var original = dated.Payload["text"].StringValue;
        foreach (var point in stored)
        {
            var old = new Dictionary<string, Qdrant.Client.Grpc.Value> { ["content_hash"] = point.Payload["content_hash"].StringValue.Split(':')[0] + $":sparse-v{SparseEncoder.Version}:deid-v1" };
            if (point == dated)
            {
                old["text"] = original.Replace("2021", "[DATE]", StringComparison.Ordinal);
            }

            await client.SetPayloadAsync(live, old, Guid.Parse(point.Id.Uuid));
        }

        await bootstrap.ResumeOrBootstrapAsync(buildWhenEmpty: true, CancellationToken.None);
        var job = (await reindex.RunNextAsync(CancellationToken.None))!;
        Assert.Equal(("rules upgrade", ReindexMode.Changed), (job.RequestedBy, job.Mode));
        Assert.Equal((ReindexStatus.Succeeded, live), (job.Status, await services.GetRequiredService<IndexVersions>().LiveAsync()));
        var restored = (await client.RetrieveAsync(live, Guid.Parse(dated.Id.Uuid), withPayload: true)).Single();
        Assert.Equal(original, restored.Payload["text"].StringValue);
        Assert.EndsWith($":deid-v{Workbench.Core.Deidentification.Deidentifier.RulesVersion}", restored.Payload["content_hash"].StringValue, StringComparison.Ordinal);
        await bootstrap.ResumeOrBootstrapAsync(buildWhenEmpty: true, CancellationToken.None);
        Assert.Null(await reindex.RunNextAsync(CancellationToken.None));
    }

    [Fact]
    public async Task OnlyOneReindexRunsAtATimeAndChangedOnlyNeedsALiveIndex()
    {
        var services = await StartAsync();
        var reindex = services.GetRequiredService<ReindexService>();

        Assert.Contains("full reindex first", (await reindex.StartAsync(ReindexMode.Changed, TestActor.Instance)).Conflict);
        var first = await reindex.StartAsync(ReindexMode.Full, TestActor.Instance);
        var second = await reindex.StartAsync(ReindexMode.Full, TestActor.Instance);

        Assert.Null(first.Conflict);
        Assert.Contains("one runs at a time", second.Conflict);
        Assert.Equal(first.Job!.Id, second.Job!.Id);
    }
}
