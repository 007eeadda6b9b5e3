using Microsoft.Data.Sqlite;
using Workbench.Core.Evaluation.Campaigns;
using Workbench.Core.Indexing;
using Workbench.Web.Api;

namespace Workbench.IntegrationTests.Faults;

/// <summary>
/// The web app as a real process, killed with SIGKILL in the middle of work and started again on the same
/// SQLite file and Qdrant: what it acknowledged is kept, the file passes SQLite's integrity check, and
/// interrupted background work (a reindex, a campaign's generation) resumes and completes.
/// </summary>
public sealed class KillTests : IAsyncLifetime
{
    // Starting (migrations, model, first page) while the other test assemblies run can take over a minute on two cores.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly QdrantFixture qdrant = new();
    private readonly TempFolder folder = new("workbench-kill-");
    private WorkbenchProcess app = null!;
    private TestUser admin = null!;
    private TestUser clinician = null!;
    private TestUser evaluator = null!;

    public async Task InitializeAsync()
    {
        await qdrant.InitializeAsync();
        app = new WorkbenchProcess(qdrant, "killed", Path.Combine(folder, "data"), Path.Combine(folder, "corpus"));
        // One document per batch: the first-run reindex has a checkpoint after every document to be killed between.
        app.Settings["Admin:ReindexBatchDocuments"] = "1";
        (admin, clinician, evaluator) = await app.CreateUsersAsync(("boss", Roles.Admin), ("clinician", Roles.Clinician), ("evaluator", Roles.Evaluator)) switch
        {
            [var a, var c, var e] => (a, c, e),
            _ => throw new InvalidOperationException("three users were asked for"),
        };
    }

    public async Task DisposeAsync()
    {
        try
        {
            await app.DisposeAsync();
        }
        finally
        {
            await qdrant.DisposeAsync();
            SqliteConnection.ClearAllPools();
            folder.Dispose();
        }
    }

    /// <summary>Starts the app on a corpus of the first <paramref name="documents"/> bundled documents and the shingles one.</summary>
    private async Task StartAsync(int documents)
    {
        RepositoryPaths.CopyCorpusSample(folder, documents, alsoMatching: "*zoster*.md");
        await app.StartAsync(StartTimeout);
    }

    [Fact]
    public async Task KilledDuringAReindexTheJobResumesOnRestartAndTheDatabaseIsIntact()
    {
        await StartAsync(documents: 11);
        var client = app.Client(admin);
        var id = (await FirstJobAsync(client)).Id;
        var running = await PollAsync(async () => (await client.GetApiAsync<AdminApi.JobWithProgress>($"/api/admin/jobs/{id}")).Progress is { DocumentsDone: >= 1 } progress
            ? progress : null, "a document indexed");
        await app.KillAsync();

        Assert.True(running.DocumentsDone < running.DocumentsTotal, "the job ended before the kill");
        Assert.Equal("ok", app.IntegrityCheck());
        await app.StartAsync(StartTimeout);
        var resumed = await ApiPolling.WaitForJobAsync(app.Client(admin), id);

        Assert.Equal(ReindexStatus.Succeeded, resumed.Status);
        Assert.Equal(1, resumed.Resumes);
        Assert.Equal(resumed.DocumentsTotal, resumed.DocumentsDone);
        using var asked = await app.Client(clinician).PostAsJsonAsync("/api/ask", new { question = "Which vaccine protects adults over 50 against shingles?" });
        Assert.False((await asked.ReadApiAsync<AnswerResponse>()).Abstained);
    }

    [Fact]
    public async Task KilledWhileSavingRatingsEveryAcknowledgedRatingIsKept()
    {
        await StartAsync(documents: 2);
        await WaitForFirstIndexAsync();
        var client = app.Client(clinician);
        var answers = new List<string>();
        foreach (var question in Questions.Take(12))
        {
            using var asked = await client.PostAsJsonAsync("/api/ask", new { question });
            answers.Add((await asked.ReadApiAsync<AnswerResponse>()).AnswerId.ToString());
        }

        // Ratings saved one after another and concurrently; the process dies once a few are acknowledged, others in flight.
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var enough = new SemaphoreSlim(0);
        var saving = answers.Select(async (id, i) =>
        {
            await Task.Delay(i * 20);
            try
            {
                using var rated = await client.PostAsJsonAsync($"/api/answers/{id}/ratings", new { score = 1 + (i % 5) });
                if (rated.IsSuccessStatusCode)
                {
                    acknowledged.Add(id);
                    enough.Release();
                }
            }
            catch (HttpRequestException)
            {
                // In flight when the process died.
            }
        }).ToList();
        for (var i = 0; i < 4; i++)
        {
            await enough.WaitAsync(TimeSpan.FromSeconds(30));
        }

        await app.KillAsync();
        await Task.WhenAll(saving);

        Assert.Equal("ok", app.IntegrityCheck());
        var stored = StoredRatings();
        Assert.True(acknowledged.Count >= 4);
        Assert.All(acknowledged, id => Assert.Contains(id, stored, StringComparer.OrdinalIgnoreCase));
        Assert.True(acknowledged.Count < answers.Count, "every rating was saved before the kill: nothing was in flight");

        await app.StartAsync(StartTimeout);
        using var rerated = await app.Client(clinician).PostAsJsonAsync($"/api/answers/{answers[^1]}/ratings", new { score = 3 });
        Assert.True(rerated.IsSuccessStatusCode);
    }

    [Fact]
    public async Task KilledDuringACampaignsGenerationItResumesWithEveryAnswerOnce()
    {
        await StartAsync(documents: 2);
        await WaitForFirstIndexAsync();
        var client = app.Client(evaluator);
        using var created = await client.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Interrupted",
            configurations = new[] { "default", "dense-only" },
            raters = new[] { "evaluator" },
            questions = string.Join('\n', Questions),
            format = "lines",
        });
        var id = (await created.ReadApiAsync<CampaignCreated>()).Id;
        var partial = await PollAsync(async () => await client.GetApiAsync<CampaignResponse>($"/api/campaigns/{id}") is { AnswersDone: >= 2 } c ? c : null, "two answers generated");
        await app.KillAsync();

        Assert.Equal(CampaignStatus.Generating, partial.Status);
        Assert.Equal("ok", app.IntegrityCheck());
        await app.StartAsync(StartTimeout);
        var campaign = await ApiPolling.WaitForOpenCampaignAsync(app.Client(evaluator), id);

        var total = Questions.Length * 2;
        Assert.Equal((total, total), (campaign.AnswersDone, campaign.AnswersTotal));
        Assert.Equal(total, CampaignAnswerRows(id));
    }

    private static readonly string[] Questions =
    [
        "Which vaccine protects adults over 50 against shingles?",
        "How many doses of the recombinant zoster vaccine are given?",
        "What blood pressure target does SPRINT support?",
        "What aspirin dose prevents preeclampsia?",
        "When should screening for diabetes start?",
        "Which adults should be screened for hepatitis C?",
        "What is the first-line treatment for hypertension?",
        "How often should adults be screened for colorectal cancer?",
        "Who should receive statins for primary prevention?",
        "What is the recommended treatment for atrial fibrillation?",
        "How should community-acquired pneumonia be treated?",
        "When is lung cancer screening recommended?",
    ];

    private async Task WaitForFirstIndexAsync()
    {
        var client = app.Client(admin);
        Assert.Equal(ReindexStatus.Succeeded, (await ApiPolling.WaitForJobAsync(client, (await FirstJobAsync(client)).Id)).Status);
    }

    private Task<ReindexJobResponse> FirstJobAsync(HttpClient client) =>
        PollAsync(async () => (await client.GetApiAsync<List<ReindexJobResponse>>("/api/admin/jobs")).FirstOrDefault(), "the first-run reindex");

    private List<string> StoredRatings() => Query("SELECT AnswerId FROM Ratings", _ => { });

    private int CampaignAnswerRows(Guid campaignId) =>
        Query("SELECT COUNT(*) FROM CampaignAnswers WHERE upper(CampaignId) = upper($id)", p => p.AddWithValue("$id", campaignId.ToString())).Select(int.Parse).Single();

    private List<string> Query(string sql, Action<SqliteParameterCollection> parameters)
    {
        using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        parameters(command.Parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }

    /// <summary>Reads until <paramref name="read"/> gives a value, every 50 ms, for at most a minute.</summary>
    private async Task<T> PollAsync<T>(Func<Task<T?>> read, string what) where T : class
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            if (await read() is { } value)
            {
                return value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Waited a minute for {what}; the app said:\n{app.RecentOutput}");
    }
}
