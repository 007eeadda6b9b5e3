namespace Workbench.Benchmarks.Circuits;

/// <summary>A clinician with the ask page open: in a real browser, or speaking the circuit protocol directly.</summary>
public interface ICircuitSession : IAsyncDisposable
{
    /// <summary>Asks on the page and returns when the page shows the answer.</summary>
    Task AskAsync(string question, CancellationToken cancellationToken = default);
}
