using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Workbench.Core.Ingestion.Uploads;
using Workbench.Core.Persistence;
using Workbench.Core.Retrieval;
using Workbench.Core.Security;

namespace Workbench.Core.Backup;

/// <summary>What a restore brought back, and what it could not (e.g. a PostgreSQL database, which travels by pg_dump).</summary>
public sealed record RestoreReport(BackupManifest Manifest, string? Collection, IReadOnlyList<string> Notes);

/// <summary>
/// Backs up everything an installation cannot rebuild: the application database (users, answers, ratings,
/// campaigns, audit trail and the data-protection key ring, which is kept in it) by SQLite's online backup,
/// a Qdrant snapshot of the serving index version, and the uploaded documents, with a manifest of sizes and
/// SHA-256 checksums. Restore checks every checksum before it changes anything, and refuses a target that
/// already holds data unless forced.
/// </summary>
public sealed class BackupService(
    IOptions<DatabaseOptions> database,
    IDbContextFactory<WorkbenchDbContext> contexts,
    IndexVersions versions,
    IPassageIndex index,
    IIndexSnapshots snapshots,
    CorpusUploads uploads,
    AuditTrail audit,
    TimeProvider time,
    ILogger<BackupService> logger)
{
    public const string PgDumpRoute =
        "The application database is PostgreSQL, so it is not in this backup: back it up with pg_dump " +
        "(pg_dump --format=custom --file=workbench.dump \"<connection>\") and restore it with pg_restore " +
        "(pg_restore --clean --if-exists --dbname=\"<connection>\" workbench.dump) before restoring the rest; the data-protection key ring travels with it.";

    private static readonly string Application =
        "Clinician Workbench " + (typeof(BackupService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");

    private bool Sqlite => database.Value.Provider == DatabaseProvider.Sqlite;

    /// <summary>Backs up into <paramref name="folder"/>, which must be new or empty; on failure it is left empty again.</summary>
    public async Task<BackupManifest> BackupAsync(string folder, Actor actor, CancellationToken cancellationToken = default)
    {
        folder = Path.GetFullPath(folder);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new BackupException($"{folder} is not empty: back up into a new or empty folder.");
        }

        if (Sqlite && !File.Exists(SqliteFile(database.Value.ConnectionString)))
        {
            throw new BackupException($"The database {SqliteFile(database.Value.ConnectionString)} does not exist, so there is nothing to back up.");
        }

        Directory.CreateDirectory(folder);
        try
        {
            var files = new List<BackupFile>();
            var (databasePart, keys) = await BackUpDatabaseAsync(folder, files, cancellationToken);
            var indexPart = await BackUpIndexAsync(folder, files, cancellationToken);
            foreach (var upload in BackupFiles.List(uploads.Directory))
            {
                files.Add(await BackupFiles.CopyAsync(Path.Combine(uploads.Directory, upload), folder, $"{BackupManifest.UploadsFolder}/{upload}", cancellationToken));
            }

            var manifest = new BackupManifest(BackupManifest.CurrentFormat, time.GetUtcNow(), Application, databasePart, indexPart,
                new KeyRingPart(Sqlite ? "in the database copy (table DataProtectionKeys)" : "in the PostgreSQL database (table DataProtectionKeys): back it up with pg_dump", keys),
                files);
            // Written last: a folder with a manifest is a complete backup.
            await File.WriteAllTextAsync(Path.Combine(folder, BackupManifest.FileName), manifest.ToJson(), cancellationToken);
            logger.LogInformation("Backup written to {Folder}: {Summary}", folder, Describe(manifest));
            await audit.RecordAsync(actor, AuditActions.BackupCreated, folder, Describe(manifest), cancellationToken);
            return manifest;
        }
        catch (Exception ex)
        {
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo directory)
                {
                    directory.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
            }

            // The reason alone: the command line shows it as its one sentence, and a stack trace would follow it on standard error.
            logger.LogError("Backup to {Folder} failed: {Reason}", folder, ex.Message);
            try
            {
                await audit.RecordAsync(actor, AuditActions.BackupFailed, folder, ex.Message, CancellationToken.None);
            }
            catch (DbException auditFailure)
            {
                logger.LogWarning("The failed backup could not be audited either: {Reason}", auditFailure.Message);
            }

            throw;
        }
    }

    /// <summary>Restores the backup in <paramref name="folder"/> onto this installation, which must be empty unless <paramref name="force"/>.</summary>
    public async Task<RestoreReport> RestoreAsync(string folder, bool force, Actor actor, CancellationToken cancellationToken = default)
    {
        folder = Path.GetFullPath(folder);
        var manifest = await ReadVerifiedAsync(folder, cancellationToken);
        if (manifest.Database.Included && !Sqlite)
        {
            throw new BackupException("The backup holds a SQLite database but this installation uses PostgreSQL; restore it with Database:Provider=Sqlite, or move the data with your own tools.");
        }

        if (await OccupiedAsync(manifest, cancellationToken) is { } occupied)
        {
            if (occupied.Running || !force)
            {
                throw new BackupException(occupied.Running
                    ? $"The workbench is running on this database ({occupied.What}): stop it before restoring."
                    : $"The target is not empty ({occupied.What}): restore onto an empty installation, or pass --force to replace what is there.");
            }

            logger.LogWarning("Restoring over an installation that holds data ({What}), as forced", occupied.What);
        }

        var notes = new List<string>();
        if (manifest.Database.Included)
        {
            await RestoreDatabaseAsync(folder, cancellationToken);
        }
        else
        {
            notes.Add(PgDumpRoute);
        }

        string? collection = null;
        if (manifest.Index is { } part)
        {
            collection = versions.IsVersion(part.Collection) ? part.Collection : await versions.NextNameAsync(cancellationToken);
            await snapshots.UploadAsync(collection, BackupFiles.Inside(folder, part.File), manifest.Files.Single(f => f.Path == part.File).Sha256, cancellationToken);
            var restored = await index.For(collection).CountAsync(cancellationToken);
            if (restored != part.Passages)
            {
                throw new BackupException($"The restored index {collection} holds {restored} passages where the backup had {part.Passages}, so it was not switched to.");
            }

            await versions.SwitchAsync(collection, cancellationToken);
        }
        else
        {
            notes.Add("The backup holds no index (nothing was served when it was made): the app indexes the corpus and uploads on its first start.");
        }

        RestoreUploads(folder, manifest);
        await audit.RecordAsync(actor, AuditActions.BackupRestored, folder, Describe(manifest), cancellationToken);
        logger.LogInformation("Restored the backup in {Folder} of {Created}: {Summary}", folder, manifest.Created, Describe(manifest));
        return new RestoreReport(manifest, collection, notes);
    }

    /// <summary>The manifest of a backup folder once every file it lists is present and matches its checksum.</summary>
    public static async Task<BackupManifest> ReadVerifiedAsync(string folder, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(folder, BackupManifest.FileName);
        if (!File.Exists(path))
        {
            throw new BackupException($"{folder} holds no {BackupManifest.FileName}, so it is not a complete workbench backup.");
        }

        var manifest = BackupManifest.Parse(await File.ReadAllTextAsync(path, cancellationToken))
            ?? throw new BackupException($"{path} is not a workbench backup manifest.");
        if (manifest.Format > BackupManifest.CurrentFormat)
        {
            throw new BackupException($"The backup was made by a newer workbench (manifest format {manifest.Format}); restore it with that version.");
        }

        var required = (manifest.Database.Included ? [BackupManifest.DatabaseFile] : Array.Empty<string>()).Concat(manifest.Index is { } part ? [part.File] : []);
        if (required.FirstOrDefault(r => manifest.Files.All(f => f.Path != r)) is { } unlisted)
        {
            throw new BackupException($"The manifest gives no checksum for {unlisted}, so the backup cannot be trusted; nothing was restored.");
        }

        foreach (var file in manifest.Files)
        {
            if (await BackupFiles.ProblemAsync(folder, file, cancellationToken) is { } problem)
            {
                throw new BackupException($"The backup is damaged ({problem}); nothing was restored.");
            }
        }

        return manifest;
    }

    /// <summary>One line for the audit trail, the log and the command's output.</summary>
    public static string Describe(BackupManifest manifest)
    {
        var database = manifest.Database is { Included: true, Counts: { } c }
            ? $"database ({c.Users} users, {c.Answers} answers, {c.Ratings} ratings, {c.Campaigns} campaigns, {c.AuditEvents} audit entries)"
            : "no database (PostgreSQL: pg_dump)";
        var indexed = manifest.Index is { } i ? $"index {i.Collection} ({i.Passages} passages)" : "no index";
        return $"{database}, {indexed}, {manifest.Uploads.Count()} uploaded files, {manifest.KeyRing.Keys?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} data-protection keys; {manifest.Bytes / 1024.0 / 1024.0:0.##} MB";
    }

    private async Task<(DatabasePart Part, int? Keys)> BackUpDatabaseAsync(string folder, List<BackupFile> files, CancellationToken cancellationToken)
    {
        if (!Sqlite)
        {
            await using var live = await contexts.CreateDbContextAsync(cancellationToken);
            return (new DatabasePart(nameof(DatabaseProvider.PostgreSql), false, await CountAsync(live, cancellationToken), PgDumpRoute),
                await live.DataProtectionKeys.CountAsync(cancellationToken));
        }

        var source = SqliteFile(database.Value.ConnectionString);
        var copy = BackupFiles.Inside(folder, BackupManifest.DatabaseFile);
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        using (var from = Open(source, SqliteOpenMode.ReadWrite))
        using (var to = Open(copy, SqliteOpenMode.ReadWriteCreate))
        {
            // One step under one read transaction: a consistent copy while the app goes on writing.
            from.BackupDatabase(to);
            using var command = to.CreateCommand();
            // The copy is a single self-contained file, without a write-ahead log beside it.
            command.CommandText = "PRAGMA journal_mode=DELETE;";
            command.ExecuteNonQuery();
        }

        files.Add(await BackupFiles.DescribeAsync(folder, BackupManifest.DatabaseFile, cancellationToken));
        await using var copied = new WorkbenchDbContext(DatabaseProviders.ContextOptions(new DatabaseOptions { ConnectionString = Connection(copy, SqliteOpenMode.ReadOnly) }));
        return (new DatabasePart(nameof(DatabaseProvider.Sqlite), true, await CountAsync(copied, cancellationToken), null), await copied.DataProtectionKeys.CountAsync(cancellationToken));
    }

    private async Task<IndexPart?> BackUpIndexAsync(string folder, List<BackupFile> files, CancellationToken cancellationToken)
    {
        if (await versions.LiveAsync(cancellationToken) is not { } live)
        {
            return null;
        }

        var passages = await index.For(live).CountAsync(cancellationToken);
        var file = await snapshots.DownloadAsync(live, folder, $"index/{live}.snapshot", cancellationToken);
        files.Add(file);
        return new IndexPart(versions.Alias, live, passages, file.Path);
    }

    private static async Task<DatabaseCounts> CountAsync(WorkbenchDbContext db, CancellationToken cancellationToken) => new(
        await db.Users.CountAsync(cancellationToken), await db.Answers.CountAsync(cancellationToken), await db.Ratings.CountAsync(cancellationToken),
        await db.Campaigns.CountAsync(cancellationToken), await db.AuditEvents.CountAsync(cancellationToken), await db.ApiTokens.CountAsync(cancellationToken));

    /// <summary>What the target already holds that a restore would replace; null when it is empty.</summary>
    private async Task<(string What, bool Running)?> OccupiedAsync(BackupManifest manifest, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        var running = false;
        if (manifest.Database.Included && File.Exists(SqliteFile(database.Value.ConnectionString)))
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if ((await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any())
            {
                var counts = await CountAsync(db, cancellationToken);
                if (counts.Users + counts.Answers + counts.AuditEvents > 0)
                {
                    found.Add($"the database holds {counts.Users} users, {counts.Answers} answers and {counts.AuditEvents} audit entries");
                }

                var now = time.GetUtcNow().UtcDateTime;
                if (await db.Leases.Where(l => l.ExpiresAtUtc > now).Select(l => (DateTime?)l.ExpiresAtUtc).MaxAsync(cancellationToken) is { } until)
                {
                    running = true;
                    found.Add($"its background-work lease is held until {until:HH:mm:ss} UTC; if the app was killed rather than stopped, wait until then");
                }
            }
        }

        if (manifest.Index is not null && await versions.LiveAsync(cancellationToken) is { } live)
        {
            found.Add($"Qdrant serves {live}");
        }

        if (BackupFiles.List(uploads.Directory).Count is > 0 and var count)
        {
            found.Add($"{count} uploaded files in {uploads.Directory}");
        }

        return found.Count == 0 ? null : (string.Join("; ", found), running);
    }

    private async Task RestoreDatabaseAsync(string folder, CancellationToken cancellationToken)
    {
        var target = SqliteFile(database.Value.ConnectionString);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Pooled connections of this process must not keep pages of the database being replaced.
        SqliteConnection.ClearAllPools();
        using (var from = Open(BackupFiles.Inside(folder, BackupManifest.DatabaseFile), SqliteOpenMode.ReadOnly))
        using (var to = Open(target, SqliteOpenMode.ReadWriteCreate))
        {
            // The backup API writes through SQLite's own locking and journal, so a write-ahead log beside the target stays consistent.
            from.BackupDatabase(to);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A backup made by an earlier version is brought up to this version's schema.
        await db.Database.MigrateAsync(cancellationToken);
        // A lease copied from the running app that was backed up belongs to no process here: the next start takes it at once.
        await db.Leases.ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAtUtc, DateTime.MinValue), cancellationToken);
    }

    private void RestoreUploads(string folder, BackupManifest manifest)
    {
        var target = uploads.Directory;
        foreach (var existing in BackupFiles.List(target))
        {
            File.Delete(BackupFiles.Inside(target, existing));
        }

        foreach (var file in manifest.Uploads)
        {
            var destination = BackupFiles.Inside(target, file.Path[(BackupManifest.UploadsFolder.Length + 1)..]);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(BackupFiles.Inside(folder, file.Path), destination);
        }
    }

    private static string SqliteFile(string connectionString) => Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    private static string Connection(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(Connection(path, mode));
        connection.Open();
        return connection;
    }
}
