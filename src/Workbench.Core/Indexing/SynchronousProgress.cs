namespace Workbench.Core.Indexing;

/// <summary>Reports on the indexing thread, in order; <see cref="Progress{T}"/> would post them out of order.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
