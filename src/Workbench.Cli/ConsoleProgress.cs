namespace Workbench.Cli;

/// <summary>
/// Progress of a long command on standard error: one line rewritten in place on a terminal (at most ten times a second), and only
/// the first and the last line of each phase (such as each retriever of an evaluation) when the output goes to a file or a log, so a
/// 4,000-question run does not print 4,000 lines.
/// </summary>
public sealed class ConsoleProgress<T>(Func<T, string> describe, Func<T, string>? phase = null, TextWriter? writer = null, bool? interactive = null) : IProgress<T>
{
    private readonly TextWriter writer = writer ?? Console.Error;
    private readonly bool interactive = interactive ?? !Console.IsErrorRedirected;
    private readonly Lock gate = new();
    private DateTime lastWritten = DateTime.MinValue;
    private string? last;
    private string? currentPhase;

    public void Report(T value)
    {
        lock (gate)
        {
            var valuePhase = phase?.Invoke(value) ?? string.Empty;
            if (last is not null && valuePhase != currentPhase)
            {
                EndLine();
            }

            var first = last is null;
            last = describe(value);
            currentPhase = valuePhase;
            if (first)
            {
                Write(last);
                if (!interactive)
                {
                    writer.WriteLine();
                }

                return;
            }

            if (interactive && DateTime.UtcNow - lastWritten >= TimeSpan.FromMilliseconds(100))
            {
                Write(last);
            }
        }
    }

    /// <summary>Ends the progress (or its phase) with its last state, on a line of its own.</summary>
    public void Finish()
    {
        lock (gate)
        {
            EndLine();
        }
    }

    private void EndLine()
    {
        if (last is null)
        {
            return;
        }

        Write(last);
        writer.WriteLine();
        last = null;
    }

    private void Write(string line)
    {
        writer.Write(interactive ? $"\r{line}\u001b[K" : line);
        lastWritten = DateTime.UtcNow;
    }
}
