namespace Workbench.Core.Indexing;

/// <summary>Why a job could not be started, or the job.</summary>
public sealed record ReindexRequestResult(ReindexJob? Job, string? Conflict);
