using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workbench.Core.Backup;

/// <summary>
/// <c>manifest.json</c> of a backup folder: what it holds and every file's size and SHA-256, written last so
/// that a folder with a manifest is a complete backup.
/// </summary>
public sealed record BackupManifest(
    int Format,
    DateTimeOffset Created,
    string Application,
    DatabasePart Database,
    IndexPart? Index,
    KeyRingPart KeyRing,
    IReadOnlyList<BackupFile> Files)
{
    public const int CurrentFormat = 1;
    public const string FileName = "manifest.json";
    public const string DatabaseFile = "database/workbench.db";
    public const string UploadsFolder = "uploads";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>All files together (written for a reader of the manifest; recomputed when read).</summary>
    public long Bytes => Files.Sum(f => f.Bytes);

    [JsonIgnore]
    public IEnumerable<BackupFile> Uploads => Files.Where(f => f.Path.StartsWith(UploadsFolder + "/", StringComparison.Ordinal));

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a manifest; null when the text is not one.</summary>
    public static BackupManifest? Parse(string json)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(json, Json);
            return manifest is { Database: not null, KeyRing: not null, Files: not null } ? manifest : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One file of the backup, by its path inside the backup folder ('/'-separated).</summary>
public sealed record BackupFile(string Path, long Bytes, string Sha256);

/// <summary>The application database: copied for SQLite; for PostgreSQL left to <c>pg_dump</c> (<see cref="Note"/> says so).</summary>
public sealed record DatabasePart(string Provider, bool Included, DatabaseCounts? Counts, string? Note);

/// <summary>Rows of what a restore must bring back, counted in the copy itself.</summary>
public sealed record DatabaseCounts(int Users, int Answers, int Ratings, int Campaigns, int AuditEvents, int ApiTokens);

/// <summary>The serving index version: a Qdrant snapshot of the collection the alias pointed at.</summary>
public sealed record IndexPart(string Alias, string Collection, long Passages, string File);

/// <summary>The ASP.NET Core data-protection keys (sign-in cookies, antiforgery tokens) and where they travel.</summary>
public sealed record KeyRingPart(string Location, int? Keys);
