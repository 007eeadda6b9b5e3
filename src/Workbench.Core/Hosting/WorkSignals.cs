using System.Threading.Channels;

namespace Workbench.Core.Hosting;

/// <summary>Background loops find their work in the database; a local queue only wakes them early.</summary>
public static class WorkSignals
{
    /// <summary>Waits until something is queued on this instance or <paramref name="poll"/> has passed, and empties the queue.</summary>
    public static async Task WaitAsync<T>(ChannelReader<T> signals, TimeSpan poll, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(poll);
        try
        {
            await signals.WaitToReadAsync(timeout.Token);
            while (signals.TryRead(out _))
            {
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Poll interval over: look in the database for work queued on other instances.
        }
    }
}
