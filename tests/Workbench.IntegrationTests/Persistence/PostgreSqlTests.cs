using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Workbench.Core.Indexing;
using Workbench.Core.Persistence;
using Workbench.Web.Api;

namespace Workbench.IntegrationTests.Persistence;

/// <summary>
/// The workbench with PostgreSQL as its application database (a real server, Debian's package, started
/// for the run), switched by configuration only: the PostgreSQL migrations build the same model, and
/// asking, rating, campaigns, reindex jobs, sign-in, tokens and the audit trail behave as on SQLite.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class PostgreSqlTests(IntegrationFixture fixture, PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private readonly WorkbenchAppFactory app = new(fixture.Qdrant, "corpus");

    public Task InitializeAsync()
    {
        app.Overrides["Database:Provider"] = "PostgreSql";
        app.Overrides["Database:ConnectionString"] = postgres.ConnectionString("workbench_" + Guid.NewGuid().ToString("N"));
        return app.WaitForIndexAsync(TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private WorkbenchDbContext Database() => app.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContext();

    [Fact]
    public async Task AnswersRatingsAndTheHistoryAreStoredInPostgreSql()
    {
        var clinician = await app.ClientAsync(Roles.Clinician);

        using var asked = await clinician.PostAsJsonAsync("/api/ask", new { question = "Which vaccine protects adults over 50 against shingles?" });
        asked.EnsureSuccessStatusCode();
        var id = (await asked.Content.ReadFromJsonAsync<JsonObject>())!["answerId"]!.GetValue<string>();
        (await clinician.PostAsJsonAsync($"/api/answers/{id}/ratings", new { score = 5, flags = new[] { "outdated" }, comment = "Check the 2024 update." })).EnsureSuccessStatusCode();
        var stored = await clinician.GetFromJsonAsync<JsonObject>($"/api/answers/{id}");

        Assert.Equal(5, stored!["rating"]!["score"]!.GetValue<int>());
        Assert.Equal("Check the 2024 update.", stored["rating"]!["comment"]!.GetValue<string>());
        Assert.NotEmpty(stored["answer"]!["citations"]!.AsArray());
        await using var db = Database();
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var user = await app.UserAsync("clinician");
        Assert.Equal(id, (await db.Answers.SingleAsync(a => a.AskedByUserId == user.Id)).Id.ToString());
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.UserId == user.Id && (e.Action == AuditActions.QuestionAsked || e.Action == AuditActions.AnswerRated)));
    }

    [Fact]
    public async Task ACampaignIsGeneratedScoredAndClosedOnPostgreSql()
    {
        var evaluator = await app.ClientAsync(Roles.Evaluator);
        var ana = await app.ClientAsync("ana", Roles.Evaluator);
        using var created = await evaluator.PostAsJsonAsync("/api/campaigns", new
        {
            name = "On PostgreSQL",
            configurations = new[] { "default", "dense-only" },
            raters = new[] { "ana" },
            questions = "Who should be screened for hypertension?",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadApiAsync<CampaignCreated>()).Id;
        await ApiPolling.WaitForOpenCampaignAsync(evaluator, id);

        var score = new { accuracy = 4, completeness = 4, citationSupport = 5, harm = 5, clarity = 4 };
        using var judged = await ana.PostAsJsonAsync($"/api/campaigns/{id}/raters/ana/judgements", new { item = 0, left = score, right = score, preference = "tie" });
        Assert.Equal(HttpStatusCode.NoContent, judged.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await evaluator.PostAsync($"/api/campaigns/{id}/close", null)).StatusCode);

        var results = await evaluator.GetFromJsonAsync<JsonObject>($"/api/campaigns/{id}/results");
        Assert.Single(results!["judgements"]!.AsArray());
        Assert.Contains("bradley", (await evaluator.GetStringAsync($"/api/campaigns/{id}/results.csv")).ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInLockoutAndTheKeyRingLiveInPostgreSql()
    {
        await app.UserAsync("pgnurse", Roles.Clinician);
        var browser = await app.SignedInClientAsync("pgnurse");
        Assert.Contains("pgnurse", await browser.GetStringAsync("/api/me"), StringComparison.Ordinal);

        var other = app.CookieClient();
        for (var i = 0; i < 5; i++)
        {
            (await PageSignIn.PostAsync(other, "pgnurse", "wrong")).Dispose();
        }

        using var locked = await PageSignIn.PostAsync(other, "pgnurse", TestUsers.Password);
        Assert.Contains("the account is locked", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = Database();
        Assert.True(await db.DataProtectionKeys.AnyAsync());
        Assert.True((await db.Users.SingleAsync(u => u.UserName == "pgnurse")).LockoutEnd > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task AReindexJobRunsAndTheAuditTrailRefusesChangesOnPostgreSql()
    {
        var admin = await app.ClientAsync(Roles.Admin);
        using var started = await admin.PostAsJsonAsync("/api/admin/reindex", new { mode = "changed" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = (await started.ReadApiAsync<ReindexJobResponse>()).Id;
        var job = await ApiPolling.WaitForJobAsync(admin, id);

        Assert.Equal(ReindexStatus.Succeeded, job.Status);
        Assert.Equal(44, job.DocumentsDone);

        await using var db = Database();
        var entries = await db.AuditEvents.CountAsync();
        Assert.True(entries > 0);
        foreach (var statement in new[] { "UPDATE \"AuditEvents\" SET \"Actor\" = 'someone'", "DELETE FROM \"AuditEvents\"", "TRUNCATE \"AuditEvents\"" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(statement));
            Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        }

        Assert.Equal(entries, await db.AuditEvents.CountAsync());
    }
}
