using Workbench.Core.Indexing;
using Workbench.Core.Retrieval;
using Workbench.Web.Components.Admin;

namespace Workbench.ComponentTests.Admin;

public class AdminPanelsTests : ComponentTestContext
{
    private static ReindexJob Job(ReindexStatus status, IReadOnlyList<string>? errors = null) => new(
        Guid.NewGuid(), ReindexMode.Full, status, "admin page", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, "passages-v3", "passages-v2",
        45, 0, 0, 0, 0, null, errors ?? []);

    private static CorpusOverview Overview(params IndexVersion[] versions) => new(
        versions.FirstOrDefault(v => v.Live)?.Collection, 256, 44, new Dictionary<string, long> { ["guideline"] = 38, ["research"] = 6 },
        new Dictionary<string, long> { ["cardiology"] = 8 }, DateTimeOffset.UnixEpoch, versions, []);

    [Fact]
    public void ARunningJobShowsItsFiguresProblemsAndACancelButtonAndBlocksAnotherStart()
    {
        var job = Job(ReindexStatus.Running, ["broken.md: front matter lacks 'title'"]);
        var cancelled = new List<Guid>();
        var cut = Render<ReindexPanel>(p => p
            .Add(c => c.Active, job)
            .Add(c => c.Progress, new ReindexProgress(job.Id, 40, 45, 234, 337, TimeSpan.FromSeconds(3)))
            .Add(c => c.OnCancel, (Guid id) => cancelled.Add(id)));

        Assert.Contains("40 of 45 documents · 234 passages · 337 passages/s · 3 s left", cut.Find("#reindex-figures").TextContent);
        Assert.Contains("front matter lacks 'title'", cut.Find("#reindex-problems").TextContent);
        Assert.True(cut.Find("#reindex-full").HasAttribute("disabled"));
        cut.Find("#reindex-cancel").Click();
        Assert.Equal([job.Id], cancelled);
    }

    [Fact]
    public void WithoutAJobBothKindsOfReindexCanStart()
    {
        var started = new List<ReindexMode>();
        var cut = Render<ReindexPanel>(p => p.Add(c => c.OnStart, (ReindexMode m) => started.Add(m)));

        cut.Find("#reindex-full").Click();
        cut.Find("#reindex-changed").Click();

        Assert.Equal([ReindexMode.Full, ReindexMode.Changed], started);
        Assert.Empty(cut.FindAll("#reindex-progress"));
    }

    [Fact]
    public void RollbackIsOfferedOnlyWhenAnOlderVersionIsKept()
    {
        var single = Render<CorpusPanel>(p => p.Add(c => c.Overview, Overview(new IndexVersion("passages-v1", 1, 256, true))));
        Assert.True(single.Find("#rollback").HasAttribute("disabled"));
        Assert.Contains("passages-v1", single.Find("#live-version").TextContent);

        var rolledBack = 0;
        var two = Render<CorpusPanel>(p => p
            .Add(c => c.Overview, Overview(new IndexVersion("passages-v2", 2, 260, true), new IndexVersion("passages-v1", 1, 256, false)))
            .Add(c => c.OnRollback, () => rolledBack++));
        two.Find("#rollback").Click();
        Assert.Equal(1, rolledBack);
        Assert.Equal(2, two.FindAll(".version-row").Count);
    }

    [Fact]
    public void NothingIndexedAndQdrantDownHaveTheirOwnMessages()
    {
        Assert.Contains("Nothing is indexed yet", Render<CorpusPanel>(p => p.Add(c => c.Overview, Overview())).Find("#corpus-empty").TextContent);
        Assert.Contains("is Qdrant running", Render<CorpusPanel>().Find("#corpus-unavailable").TextContent);
    }
}
