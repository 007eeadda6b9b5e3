namespace Workbench.Core.Backup;

/// <summary>A backup started from the admin page: where it goes, and how it went.</summary>
public sealed record BackupRun(string Folder, DateTimeOffset Started, BackupState State, string Message);

/// <summary>A complete backup found in the backup folder (one with a manifest).</summary>
public sealed record BackupListing(string Name, DateTimeOffset Created, long Bytes, string Summary);

/// <summary>
/// Backups the admin page starts: one at a time, in the background, each into a folder of its own under
/// <c>Backup:Directory</c> named after its start time. The outcome is audited by <see cref="BackupService"/>.
/// </summary>
public sealed class BackupJobs(BackupService backups, IOptions<BackupOptions> options, TimeProvider time, ILogger<BackupJobs> logger)
{
    private readonly Lock gate = new();
    private Task running = Task.CompletedTask;

    public string Directory => Path.GetFullPath(options.Value.Directory);

    /// <summary>The backup running or last run in this process, or null.</summary>
    public BackupRun? Last { get; private set; }

    /// <summary>Raised when a backup starts and when it ends.</summary>
    public event Action? Changed;

    /// <summary>Completes when the backup in progress, if any, has ended.</summary>
    public Task Completion => running;

    /// <summary>Starts a backup; false (and nothing started) while one is running.</summary>
    public bool Start(Actor actor)
    {
        lock (gate)
        {
            if (Last is { State: BackupState.Running })
            {
                return false;
            }

            var started = time.GetUtcNow();
            var run = new BackupRun(Path.Combine(Directory, $"workbench-{started:yyyyMMdd-HHmmss}"), started, BackupState.Running, "Backing up…");
            Last = run;
            running = Task.Run(() => RunAsync(run, actor));
        }

        Changed?.Invoke();
        return true;
    }

    /// <summary>The complete backups in the backup folder, newest first.</summary>
    public IReadOnlyList<BackupListing> List(int take = 10)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        return System.IO.Directory.EnumerateDirectories(Directory)
            .Select(folder => (folder, manifest: File.Exists(Path.Combine(folder, BackupManifest.FileName))
                ? BackupManifest.Parse(File.ReadAllText(Path.Combine(folder, BackupManifest.FileName)))
                : null))
            .Where(b => b.manifest is not null)
            .Select(b => new BackupListing(Path.GetFileName(b.folder), b.manifest!.Created, b.manifest.Bytes, BackupService.Describe(b.manifest)))
            .OrderByDescending(b => b.Created).Take(take).ToList();
    }

    private async Task RunAsync(BackupRun run, Actor actor)
    {
        try
        {
            var manifest = await backups.BackupAsync(run.Folder, actor);
            Last = run with { State = BackupState.Succeeded, Message = BackupService.Describe(manifest) };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Recorded (log and audit trail) by the backup itself; the page shows why.
            logger.LogDebug(ex, "Backup from the admin page failed");
            Last = run with { State = BackupState.Failed, Message = ex.Message };
        }

        Changed?.Invoke();
    }
}
