namespace Workbench.Core.Ingestion;

/// <summary>What the UI shows about the index while the bundled corpus is loaded on first run.</summary>
public sealed class IndexStatus
{
    private readonly Lock gate = new();

    public IndexState State { get; private set; } = IndexState.NotStarted;

    public IndexingProgress? Progress { get; private set; }

    public IndexingReport? LastReport { get; private set; }

    public string? Error { get; private set; }

    public event Action? Changed;

    public void Start() => Update(() => (State, Progress, Error) = (IndexState.Indexing, null, null));

    public void Report(IndexingProgress progress) => Update(() => Progress = progress);

    public void Complete(IndexingReport? report) => Update(() => (State, LastReport) = (IndexState.Ready, report ?? LastReport));

    public void Fail(string error) => Update(() => (State, Error) = (IndexState.Failed, error));

    private void Update(Action change)
    {
        lock (gate)
        {
            change();
        }

        Changed?.Invoke();
    }
}
