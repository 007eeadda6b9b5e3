namespace Workbench.Core.Backup;

/// <summary>Copies of whole passage-index collections, for backups: written into a backup folder, and restored from one.</summary>
public interface IIndexSnapshots
{
    /// <summary>Writes a snapshot of <paramref name="collection"/> into the backup at <paramref name="relativePath"/>; the store keeps no copy.</summary>
    Task<BackupFile> DownloadAsync(string collection, string root, string relativePath, CancellationToken cancellationToken);

    /// <summary>Creates (or replaces) <paramref name="collection"/> from a snapshot file, checked against <paramref name="sha256"/>.</summary>
    Task UploadAsync(string collection, string path, string sha256, CancellationToken cancellationToken);
}
