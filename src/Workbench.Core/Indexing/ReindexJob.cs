using System.Text.Json;
using Workbench.Core.Persistence;

namespace Workbench.Core.Indexing;

/// <summary>A reindex job as the admin page and the API show it.</summary>
public sealed record ReindexJob(
    Guid Id,
    ReindexMode Mode,
    ReindexStatus Status,
    string RequestedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? TargetCollection,
    string? PreviousCollection,
    int DocumentsTotal,
    int DocumentsDone,
    int PassagesDone,
    int Embedded,
    int Resumes,
    string? Message,
    IReadOnlyList<string> Errors)
{
    public bool Active => Status is ReindexStatus.Queued or ReindexStatus.Running;

    public TimeSpan? Duration => StartedAt is { } start ? (FinishedAt ?? DateTimeOffset.UtcNow) - start : null;

    internal static ReindexJob From(ReindexJobEntity e) => new(
        e.Id, e.Mode, e.Status, e.RequestedBy, StoredTime.Utc(e.CreatedAtUtc), StoredTime.Utc(e.StartedAtUtc), StoredTime.Utc(e.FinishedAtUtc), e.TargetCollection, e.PreviousCollection,
        e.DocumentsTotal, e.DocumentsDone, e.PassagesDone, e.Embedded, e.Resumes, e.Message,
        JsonSerializer.Deserialize<List<string>>(e.ErrorsJson) ?? []);
}

/// <summary>Live figures of the running job, updated after every batch.</summary>
public sealed record ReindexProgress(Guid JobId, int DocumentsDone, int DocumentsTotal, int PassagesDone, double PassagesPerSecond, TimeSpan? Remaining)
{
    public double Percent => DocumentsTotal == 0 ? 0 : 100.0 * DocumentsDone / DocumentsTotal;
}

/// <summary>Why a job could not be started, or the job.</summary>
public sealed record ReindexRequestResult(ReindexJob? Job, string? Conflict);

/// <summary>What is indexed: the live version, its documents and passages by type and specialty, the versions kept, the uploads.</summary>
public sealed record CorpusOverview(
    string? LiveCollection,
    long Passages,
    long Documents,
    IReadOnlyDictionary<string, long> DocumentsByType,
    IReadOnlyDictionary<string, long> DocumentsBySpecialty,
    DateTimeOffset? LastIndexed,
    IReadOnlyList<Retrieval.IndexVersion> Versions,
    IReadOnlyList<string> Uploads);
