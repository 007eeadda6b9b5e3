using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Workbench.Core.Backup;
using Workbench.Core.Evaluation.Campaigns;
using Workbench.Core.Indexing;
using Workbench.Core.Persistence;
using Workbench.Web.Api;

namespace Workbench.IntegrationTests.Backup;

/// <summary>
/// Back up a running installation (real Qdrant, SQLite file, uploads), lose the machine, restore onto an empty
/// one (a new Qdrant with empty storage, no database file), and find everything as it was.
/// </summary>
public sealed class BackupRoundTripTests : IAsyncLifetime
{
    private const string Question = "Which vaccine protects adults over 50 against shingles?";
    private const string Upload = "---\ntitle: \"Reagent ZQ-7781 recall notice\"\norganisation: \"Central Laboratory\"\nyear: 2025\ntype: guideline\nspecialty: laboratory\n---\n\n## Recall\nReagent lot ZQ-7781 must not be used for potassium assays because it under-reads potassium by 0.8 mmol/L.\n";

    private readonly TempFolder folder = new("workbench-backup-");
    private readonly QdrantFixture lost = new();
    private readonly QdrantFixture empty = new();

    private string Backup => Path.Combine(folder, "backup");

    public async Task InitializeAsync()
    {
        RepositoryPaths.CopyCorpusSample(folder, 3, alsoMatching: "*zoster*.md");
        await lost.InitializeAsync();
        await empty.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await lost.DisposeAsync();
        await empty.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    private WorkbenchAppFactory App(QdrantFixture qdrant)
    {
        var app = new WorkbenchAppFactory(qdrant, "passages");
        app.Overrides["Corpus:Directory"] = Path.Combine(folder, "corpus");
        return app;
    }

    [Fact]
    public async Task RestoringOntoAnEmptyMachineBringsBackUsersAnswersRatingsCampaignsTheAuditTrailKeysAndTheServingIndex()
    {
        // The installation as it was: a clinician's rated answer, an evaluator's campaign, an upload indexed, a protected cookie payload.
        string answer, answerId, protectedPayload;
        Guid campaignId;
        TestUser clinician, evaluator;
        List<AuditEvent> trail;
        BackupManifest manifest;
        await using (var app = App(lost))
        {
            var admin = await app.ClientAsync(Roles.Admin);
            clinician = await app.UserAsync("clinician", Roles.Clinician);
            evaluator = await app.UserAsync("evaluator", Roles.Evaluator);
            await app.WaitForIndexAsync(TimeSpan.FromMinutes(2));
            using (var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Upload)) { Headers = { ContentType = new MediaTypeHeaderValue("text/markdown") } }, "files", "zq-recall.md" } })
            {
                (await admin.PostAsync("/api/admin/documents", form)).EnsureSuccessStatusCode();
            }

            using var reindex = await admin.PostAsJsonAsync("/api/admin/reindex", new { mode = "changed" });
            var job = await ApiPolling.WaitForJobAsync(admin, (await reindex.ReadApiAsync<ReindexJobResponse>()).Id);
            Assert.Equal(ReindexStatus.Succeeded, job.Status);

            var asking = clinician.Authorize(app.CreateClient());
            (answer, answerId) = await AskAsync(asking);
            (await asking.PostAsJsonAsync($"/api/answers/{answerId}/ratings", new { score = 4 })).EnsureSuccessStatusCode();
            using var created = await evaluator.Authorize(app.CreateClient()).PostAsJsonAsync("/api/campaigns", new
            {
                name = "Before the loss",
                configurations = new[] { "default", "dense-only" },
                raters = new[] { "evaluator" },
                questions = Question,
                format = "lines",
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            campaignId = (await created.ReadApiAsync<CampaignCreated>()).Id;
            await ApiPolling.WaitForOpenCampaignAsync(evaluator.Authorize(app.CreateClient()), campaignId);
            protectedPayload = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("backup-test").Protect("signed in before the loss");

            trail = [.. (await app.Services.GetRequiredService<AuditTrail>().QueryAsync(new AuditQuery(Take: 1000))).Events];
            // Taken while the app runs: the online backup needs no stop.
            manifest = await app.Services.GetRequiredService<BackupService>().BackupAsync(Backup, TestActor.Instance);
        }

        Assert.True(manifest.Database.Included);
        Assert.Equal((1, 1), (manifest.Database.Counts!.Ratings, manifest.Database.Counts.Campaigns));
        Assert.Equal(trail.Count, manifest.Database.Counts.AuditEvents);
        Assert.True(manifest.KeyRing.Keys >= 1);
        Assert.Equal("passages-v1", manifest.Index!.Collection);
        Assert.Equal(["uploads/zq-recall.md", "uploads/zq-recall.redactions.json"], manifest.Uploads.Select(u => u.Path));

        // The empty machine: a Qdrant with nothing stored, no database file, no uploads; the lost one is never used again.
        await using var restored = App(empty);
        await using var services = CoreServices.Build(empty, "passages", restored.DatabasePath, new Dictionary<string, string?> { ["Corpus:Directory"] = Path.Combine(folder, "corpus") });
        var backups = services.GetRequiredService<BackupService>();
        var report = await backups.RestoreAsync(Backup, force: false, TestActor.Instance);
        Assert.Equal("passages-v1", report.Collection);
        Assert.Empty(report.Notes);

        var after = (await services.GetRequiredService<AuditTrail>().QueryAsync(new AuditQuery(Take: 1000))).Events;
        Assert.Equal(AuditActions.BackupRestored, after[0].Action);
        Assert.Equal(trail, after.Skip(1));
        Assert.Contains("pass --force", (await Assert.ThrowsAsync<BackupException>(() => backups.RestoreAsync(Backup, force: false, TestActor.Instance))).Message);

        Assert.True(File.Exists(Path.Combine(restored.UploadDirectory, "zq-recall.md")));
        var client = clinician.Authorize(restored.CreateClient());
        Assert.Equal(answer, (await AskAsync(client)).Text);
        using var recall = await client.PostAsJsonAsync("/api/ask", new { question = "Which reagent lot under-reads potassium?" });
        Assert.Equal("zq-recall", JsonNode.Parse(await recall.Content.ReadAsStringAsync())!["citations"]![0]!["documentId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/answers/{answerId}")).StatusCode);
        Assert.Equal(CampaignStatus.Open, (await evaluator.Authorize(restored.CreateClient()).GetApiAsync<CampaignResponse>($"/api/campaigns/{campaignId}")).Status);
        Assert.Equal("signed in before the loss", restored.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("backup-test").Unprotect(protectedPayload));
        Assert.Contains("stop it before restoring", (await Assert.ThrowsAsync<BackupException>(() => backups.RestoreAsync(Backup, force: true, TestActor.Instance))).Message);
        await using var db = await restored.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync();
        Assert.Equal(4, (await db.Ratings.SingleAsync()).Score);
    }

    [Fact]
    public async Task ABackupStartedFromTheAdminPageIsAuditedAndListedAndADamagedOneIsRefusedBeforeAnythingIsTouched()
    {
        string backup;
        await using (var app = App(lost))
        {
            app.Overrides["Backup:Directory"] = Path.Combine(folder, "backups");
            await app.WaitForIndexAsync(TimeSpan.FromMinutes(2));
            var jobs = app.Services.GetRequiredService<BackupJobs>();
            Assert.True(jobs.Start(TestActor.Instance));
            await jobs.Completion;

            Assert.Equal(BackupState.Succeeded, jobs.Last!.State);
            backup = jobs.Last.Folder;
            Assert.Equal(Path.GetFileName(backup), Assert.Single(jobs.List()).Name);
            var audited = (await app.Services.GetRequiredService<AuditTrail>().QueryAsync(new AuditQuery(Action: AuditActions.BackupCreated))).Events;
            Assert.Equal((TestActor.Instance.Name, backup), (Assert.Single(audited).Actor, audited[0].Target));
        }

        var snapshot = Directory.EnumerateFiles(Path.Combine(backup, "index")).Single();
        await using (var stream = File.OpenWrite(snapshot))
        {
            stream.Seek(-10, SeekOrigin.End);
            stream.WriteByte(0x42);
        }

        var database = Path.Combine(folder, "restored", "workbench.db");
        await using var services = CoreServices.Build(empty, "passages", database);
        var refused = await Assert.ThrowsAsync<BackupException>(() => services.GetRequiredService<BackupService>().RestoreAsync(backup, force: true, TestActor.Instance));

        Assert.Equal($"The backup is damaged (index/passages-v1.snapshot does not match its SHA-256 checksum); nothing was restored.", refused.Message);
        Assert.False(File.Exists(database));
        Assert.Null(await services.GetRequiredService<Workbench.Core.Retrieval.IndexVersions>().LiveAsync());
    }

    private static async Task<(string Text, string Id)> AskAsync(HttpClient client)
    {
        using var asked = await client.PostAsJsonAsync("/api/ask", new { question = Question });
        var body = JsonNode.Parse(await asked.Content.ReadAsStringAsync())!;
        Assert.False(body["abstained"]!.GetValue<bool>());
        return (body["text"]!.GetValue<string>(), body["answerId"]!.GetValue<string>());
    }
}
