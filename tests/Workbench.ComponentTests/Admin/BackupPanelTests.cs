using Workbench.Core.Backup;
using Workbench.Web.Components.Admin;

namespace Workbench.ComponentTests.Admin;

public class BackupPanelTests : ComponentTestContext
{
    private static readonly BackupRun Run = new("/srv/backups/workbench-20261204-020000", DateTimeOffset.UnixEpoch, BackupState.Running, "Backing up…");

    [Fact]
    public void TheButtonStartsABackupAndIsDisabledWhileOneRuns()
    {
        var started = 0;
        var idle = Render<BackupPanel>(p => p.Add(c => c.Directory, "/srv/backups").Add(c => c.OnStart, () => started++));
        idle.Find("#backup-start").Click();
        Assert.Equal(1, started);
        Assert.Empty(idle.FindAll("#backup-outcome"));

        var running = Render<BackupPanel>(p => p.Add(c => c.Last, Run));
        Assert.True(running.Find("#backup-start").HasAttribute("disabled"));
        Assert.Contains("Backing up to /srv/backups/workbench-20261204-020000", running.Find("#backup-outcome").TextContent);
    }

    [Fact]
    public void TheOutcomeSaysWhyABackupFailedAndTheBackupsMadeAreListed()
    {
        var failed = Run with { State = BackupState.Failed, Message = "Qdrant refused downloading the snapshot of passages-v2: 500" };
        var cut = Render<BackupPanel>(p => p
            .Add(c => c.Last, failed)
            .Add(c => c.Backups, [new BackupListing("workbench-20261203-020000", DateTimeOffset.UnixEpoch, 3 * 1024 * 1024, "database (2 users …)")]));

        Assert.Contains("failed: Qdrant refused downloading the snapshot", cut.Find("#backup-outcome").TextContent);
        Assert.False(cut.Find("#backup-start").HasAttribute("disabled"));
        var row = Assert.Single(cut.FindAll(".backup-row"));
        Assert.Contains("workbench-20261203-020000", row.TextContent);
        Assert.Contains("3 MB", row.TextContent);
    }
}
