using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.ML.Tokenizers;
using Workbench.Core.Deidentification;
using Workbench.Core.Embeddings;
using Workbench.Core.Indexing;
using Workbench.Core.Ingestion;
using Workbench.Core.Ingestion.Uploads;
using Workbench.Core.Persistence;
using Workbench.TestSupport;
using Workbench.UnitTests.Answering;
using Workbench.UnitTests.Retrieval;

namespace Workbench.UnitTests.Indexing;

/// <summary>
/// Reindex jobs run to their end by <see cref="ReindexRunner"/> on the in-memory vector store, with the job rows in a
/// real SQLite file and the model's own tokenizer: no Qdrant, and the word-hash embedder in place of the model.
/// </summary>
public sealed class ReindexRunnerTests : IAsyncLifetime
{
    private const string Alias = "passages";

    // Each test document has this many sections of one sentence: one passage each.
    private const int SectionsPerDocument = 2;

    private static readonly BertTokenizer Tokenizer = BertTokenizer.Create(EmbeddingModelFiles.VocabularyPath(RepositoryPaths.ModelDirectory));

    private readonly TempFolder root = new("workbench-reindex-");
    private readonly InMemoryVectorStore store = new();
    private ServiceProvider database = null!;
    private ReindexJobStore jobs = null!;
    private IndexVersions versions = null!;
    private ReindexRunner runner = null!;

    private string Corpus => Path.Combine(root, "corpus");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Corpus);
        var connection = new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(root, "workbench.db")};Pooling=False" };
        database = new ServiceCollection()
            .AddDbContextFactory<WorkbenchDbContext>(o => DatabaseProviders.Configure(o, connection))
            .BuildServiceProvider();
        var contexts = database.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        // One document a batch: a cancel asked for after the first batch lands before the job could finish.
        var admin = Options.Create(new AdminOptions { UploadDirectory = Path.Combine(root, "uploads"), ReindexBatchDocuments = 1 });
        var index = store.Index(Alias);
        var status = new IndexStatus();
        jobs = new ReindexJobStore(contexts, TimeProvider.System, NullLogger<ReindexJobStore>.Instance);
        versions = new IndexVersions(store, index, Options.Create(new QdrantOptions { Collection = Alias }), NullLogger<IndexVersions>.Instance);
        var uploads = new CorpusUploads(admin, Options.Create(new CorpusOptions { Directory = Corpus }),
            Options.Create(new DeidentificationOptions { AllowListFile = Path.Combine(root, "allow-list.txt") }), NullLogger<CorpusUploads>.Instance);
        var indexer = new PassageIndexer(new TokenChunker(Tokenizer, new ChunkingOptions()), new WordHashEmbedder(), index, NullLogger<PassageIndexer>.Instance);
        runner = new ReindexRunner(jobs, new ReindexCompletion(jobs, index, versions, status, admin, NullLogger<ReindexCompletion>.Instance),
            indexer, index, versions, uploads, status, admin, NullLogger<ReindexRunner>.Instance);
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        root.Dispose();
    }

    [Fact]
    public async Task AFullReindexBuildsANewVersionWithEveryPassageAndSwitchesTheAliasToIt()
    {
        WriteDocuments("asthma", "diabetes", "hypertension");
        var first = await RunAsync();

        var second = await RunAsync();

        Assert.Equal(ReindexStatus.Succeeded, second.Status);
        Assert.Empty(second.Errors);
        Assert.Equal(3, second.DocumentsTotal);
        Assert.Equal(3 * SectionsPerDocument, second.PassagesDone);
        Assert.Equal($"{Alias}-v1", first.TargetCollection);
        Assert.Equal($"{Alias}-v2", second.TargetCollection);
        Assert.Equal(first.TargetCollection, second.PreviousCollection);
        Assert.Equal(second.TargetCollection, await versions.LiveAsync());
        Assert.Equal(3 * SectionsPerDocument, await store.Index(Alias).CountAsync());
    }

    [Fact]
    public async Task ADocumentThatFailsToParseIsReportedAndTheOthersAreStillServed()
    {
        WriteDocuments("asthma", "diabetes");
        var serving = await RunAsync();
        File.WriteAllText(Path.Combine(Corpus, "broken.md"), "No front matter, so no title, type or specialty.\n");

        var job = await RunAsync();

        Assert.Equal(ReindexStatus.Succeeded, job.Status);
        var error = Assert.Single(job.Errors);
        Assert.StartsWith("broken.md:", error, StringComparison.Ordinal);
        Assert.Contains("front matter", error, StringComparison.Ordinal);
        Assert.Equal(2, job.DocumentsTotal);
        Assert.Equal(job.TargetCollection, await versions.LiveAsync());
        Assert.Equal(2 * SectionsPerDocument, await store.Index(Alias).CountAsync());
        Assert.Equal(serving.TargetCollection, job.PreviousCollection);
    }

    [Fact]
    public async Task ACancelledReindexLeavesTheServingVersionAsItWas()
    {
        WriteDocuments("asthma", "diabetes", "hypertension");
        var serving = await RunAsync();
        WriteDocuments("migraine");
        var job = await jobs.AddAsync(ReindexMode.Full, ReindexStatus.Queued, "admin", null, CancellationToken.None);
        runner.Progressed += () => runner.TryCancel(job.Id);

        await runner.RunAsync(job.Id, CancellationToken.None);

        var cancelled = (await jobs.GetAsync(job.Id))!;
        Assert.Equal(ReindexStatus.Cancelled, cancelled.Status);
        Assert.StartsWith("Cancelled by an admin.", cancelled.Message, StringComparison.Ordinal);
        Assert.Equal(1, cancelled.DocumentsDone);
        Assert.Equal(serving.TargetCollection, await versions.LiveAsync());
        Assert.Equal(3 * SectionsPerDocument, await store.Index(Alias).CountAsync());
        Assert.False(await store.ExistsAsync(cancelled.TargetCollection!));
        Assert.Equal([serving.TargetCollection], (await versions.ListAsync()).Select(v => v.Collection));
    }

    private async Task<ReindexJob> RunAsync()
    {
        var job = await jobs.AddAsync(ReindexMode.Full, ReindexStatus.Queued, "admin", null, CancellationToken.None);
        await runner.RunAsync(job.Id, CancellationToken.None);
        return (await jobs.GetAsync(job.Id))!;
    }

    private void WriteDocuments(params string[] topics)
    {
        foreach (var topic in topics)
        {
            File.WriteAllText(Path.Combine(Corpus, topic + ".md"), $"""
                ---
                title: "Managing {topic}"
                organisation: "NICE"
                year: 2023
                type: guideline
                specialty: general
                ---

                ## Diagnosis of {topic}

                Confirm {topic} with the tests the guideline recommends before treating it.

                ## Treatment of {topic}

                Offer first-line treatment for {topic} and review the response after four weeks.
                """);
        }
    }
}
