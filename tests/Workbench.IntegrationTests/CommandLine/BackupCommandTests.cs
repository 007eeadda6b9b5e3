using Workbench.Core.Retrieval;

namespace Workbench.IntegrationTests.CommandLine;

/// <summary><c>workbench backup</c> and <c>restore</c> as a user runs them: what cannot be done is one sentence and exit code 1.</summary>
public sealed class BackupCommandTests : IDisposable
{
    private readonly TempFolder folder = new("workbench-backup-cli-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task WithNoDatabaseToBackUpOrNoBackupToRestoreTheCommandsSayWhy()
    {
        var machine = new Dictionary<string, string>
        {
            ["Qdrant__HttpPort"] = LocalQdrantServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Qdrant__GrpcPort"] = LocalQdrantServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Qdrant__Embedded__StoragePath"] = Path.Combine(folder, "qdrant"),
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "workbench.db")}",
            ["Admin__UploadDirectory"] = Path.Combine(folder, "uploads"),
        };

        var backup = await CommandRun.WorkbenchAsync(machine, "backup", "--to", Path.Combine(folder, "backup"));
        var restore = await CommandRun.WorkbenchAsync(machine, "restore", "--from", Path.Combine(folder, "nothing"));

        Assert.Equal((1, 1), (backup.ExitCode, restore.ExitCode));
        Assert.Contains($"error: The database {Path.Combine(folder, "workbench.db")} does not exist, so there is nothing to back up.", backup.Error, StringComparison.Ordinal);
        Assert.Contains($"error: {Path.Combine(folder, "nothing")} holds no manifest.json, so it is not a complete workbench backup.", restore.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", backup.Error + restore.Error, StringComparison.Ordinal);
        // Nothing left behind: no empty backup folder, no empty database file created by looking for it.
        Assert.False(Directory.Exists(Path.Combine(folder, "backup")));
        Assert.False(File.Exists(Path.Combine(folder, "workbench.db")));
    }
}
