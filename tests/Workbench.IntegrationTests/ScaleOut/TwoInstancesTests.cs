using Workbench.Core.Hosting;
using Workbench.Core.Indexing;
using Workbench.Core.Ingestion;
using Workbench.Web.Api;

namespace Workbench.IntegrationTests.ScaleOut;

/// <summary>
/// Two web instances on one database and one Qdrant, as behind a load balancer: a sign-in on one is
/// accepted by the other (shared key ring); background work runs on the lease holder only, whichever
/// instance it was asked on, can be cancelled from the other, and moves to the other when the holder stops.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class TwoInstancesTests(IntegrationFixture fixture) : IAsyncLifetime
{
    private readonly TempFolder shared = new("workbench-shared-");
    private readonly CapturedLogs firstLogs = new();
    private readonly CapturedLogs secondLogs = new();
    private WorkbenchAppFactory first = null!;
    private WorkbenchAppFactory second = null!;

    public Task InitializeAsync()
    {
        first = Instance(firstLogs);
        _ = first.Server;
        second = Instance(secondLogs);
        _ = second.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        shared.Dispose();
    }

    [Fact]
    public async Task ASignInOnOneInstanceIsAcceptedByTheOther()
    {
        await first.UserAsync("roaming", Roles.Clinician);
        using var signIn = await PageSignIn.PostAsync(first.CookieClient(), "roaming", TestUsers.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("workbench.auth=", StringComparison.Ordinal)).Split(';')[0];

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me") { Headers = { { "Cookie", cookie } } };
        using var me = await second.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("roaming", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackgroundWorkRunsOnTheLeaseHolderAndMovesWhenItStops()
    {
        Assert.True(first.Services.GetRequiredService<BackgroundLeadership>().IsLeader);
        Assert.False(second.Services.GetRequiredService<BackgroundLeadership>().IsLeader);
        var admin = await second.ClientAsync(Roles.Admin);

        // Asked on the second instance, run by the first; cancelled from the second while the first runs it.
        var cancelled = await StartAsync(admin, "full");
        await ApiPolling.WaitForJobAsync(admin, cancelled, until: ReindexStatus.Running);
        // Run by the first instance, its figures are read on the second from what the first stores.
        var running = await admin.GetApiAsync<AdminApi.JobWithProgress>($"/api/admin/jobs/{cancelled}");
        Assert.Equal(ReindexStatus.Running, running.Job.Status);
        Assert.NotNull(running.Progress);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/admin/jobs/{cancelled}/cancel", null)).StatusCode);
        Assert.Equal(ReindexStatus.Cancelled, (await ApiPolling.WaitForJobAsync(admin, cancelled, until: ReindexStatus.Cancelled)).Status);

        var built = await StartAsync(admin, "full");
        var job = await ApiPolling.WaitForJobAsync(admin, built, until: ReindexStatus.Succeeded);
        Assert.Equal(44, job.DocumentsDone);
        Assert.Contains(firstLogs.Lines, l => l.Contains($"Reindex job {built} succeeded", StringComparison.Ordinal));
        Assert.DoesNotContain(secondLogs.Lines, l => l.Contains($"Reindex job {built}", StringComparison.Ordinal));
        // The second instance's ask page and health follow the first instance's build through the database.
        var status = second.Services.GetRequiredService<IndexStatus>();
        for (var i = 0; i < 100 && status.State != IndexState.Ready; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(IndexState.Ready, status.State);

        // The first instance stops: the second takes the lease and runs what is asked from now on.
        await first.DisposeAsync();
        first = Instance(new CapturedLogs());
        for (var i = 0; i < 100 && !second.Services.GetRequiredService<BackgroundLeadership>().IsLeader; i++)
        {
            await Task.Delay(100);
        }

        Assert.True(second.Services.GetRequiredService<BackgroundLeadership>().IsLeader);
        var changed = await StartAsync(admin, "changed");
        Assert.Equal(ReindexStatus.Succeeded, (await ApiPolling.WaitForJobAsync(admin, changed, until: ReindexStatus.Succeeded)).Status);
        Assert.Contains(secondLogs.Lines, l => l.Contains($"Reindex job {changed} succeeded", StringComparison.Ordinal));
    }

    private WorkbenchAppFactory Instance(CapturedLogs logs)
    {
        var app = new WorkbenchAppFactory(fixture.Qdrant, "scale-out") { Logs = logs };
        app.Overrides["Database:ConnectionString"] = $"Data Source={Path.Combine(shared, "workbench.db")}";
        app.Overrides["Admin:UploadDirectory"] = Path.Combine(shared, "uploads");
        app.Overrides["Corpus:IndexOnStartWhenEmpty"] = "false";
        app.Overrides["Admin:ReindexBatchDocuments"] = "2";
        app.Overrides["ScaleOut:LeaseSeconds"] = "3";
        app.Overrides["ScaleOut:PollSeconds"] = "1";
        return app;
    }

    private static async Task<Guid> StartAsync(HttpClient admin, string mode)
    {
        using var started = await admin.PostAsJsonAsync("/api/admin/reindex", new { mode });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        return (await started.ReadApiAsync<ReindexJobResponse>()).Id;
    }
}
