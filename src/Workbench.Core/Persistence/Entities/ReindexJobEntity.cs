using Workbench.Core.Indexing;

namespace Workbench.Core.Persistence;

/// <summary>A reindex job and its checkpoint: the version it builds and how far it got.</summary>
public sealed class ReindexJobEntity
{
    public Guid Id { get; set; }

    public ReindexMode Mode { get; set; }

    public ReindexStatus Status { get; set; }

    public required string RequestedBy { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? StartedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>The collection being written; set before the first write, so a restart resumes into it.</summary>
    public string? TargetCollection { get; set; }

    public string? PreviousCollection { get; set; }

    public int DocumentsTotal { get; set; }

    public int DocumentsDone { get; set; }

    public int PassagesDone { get; set; }

    public int Embedded { get; set; }

    /// <summary>How many times the job was picked up again after the process stopped mid-way.</summary>
    public int Resumes { get; set; }

    public string? Message { get; set; }

    /// <summary>Problems met on the way (skipped files, failures), as JSON: only ever read whole.</summary>
    public string ErrorsJson { get; set; } = "[]";

    /// <summary>Cancel asked for from any instance; the instance running the job stops at its next batch.</summary>
    public bool CancelRequested { get; set; }
}
