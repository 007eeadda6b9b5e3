namespace Workbench.Core.Indexing;

public enum ReindexStatus
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
    Cancelled = 4,
}
