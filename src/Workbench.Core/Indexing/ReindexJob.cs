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
