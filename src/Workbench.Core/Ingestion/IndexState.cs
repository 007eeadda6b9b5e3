namespace Workbench.Core.Ingestion;

public enum IndexState
{
    NotStarted,
    Indexing,
    Ready,
    Failed,
}
