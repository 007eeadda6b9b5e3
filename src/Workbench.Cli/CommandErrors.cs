using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Workbench.Core.Answering;
using Workbench.Core.Backup;
using Workbench.Core.Retrieval;

namespace Workbench.Cli;

/// <summary>Turns what can go wrong in a command into the one sentence the user sees and the exit code.</summary>
public static class CommandErrors
{
    /// <summary>Exit code of a command line the user got wrong (as opposed to a command that failed).</summary>
    public const int Usage = 2;

    public static (string Message, int ExitCode) Describe(Exception exception)
    {
        var root = Unwrap(exception);
        return root switch
        {
            UsageException usage => (usage.Message, Usage),
            CommandFailure or BackupException or InvalidQuestionException or RetrievalUnavailableException or FileNotFoundException or DirectoryNotFoundException
                or FormatException or ArgumentException => (root.Message, 1),
            OptionsValidationException options => ($"The configuration is not valid: {options.Failures.FirstOrDefault() ?? options.Message}", 1),
            PassageIndexUnavailableException =>
                ("Qdrant stopped answering while the command ran: check that it is still running (or run the command again to start the local one).", 1),
            PassageIndexException => (root.Message, 1),
            SqliteException { SqliteErrorCode: 5 or 6 } =>
                ("The database is locked by another process (the web app or another command): stop it or try again when its job ends.", 1),
            SqliteException sqlite => ($"The database could not be used: {sqlite.Message}", 1),
            HttpRequestException http => ($"The request failed: {http.Message}", 1),
            OperationCanceledException => ("The command was cancelled.", 1),
            _ => ($"Unexpected {root.GetType().Name}: {root.Message} (run again with --verbose for the details).", 1),
        };
    }

    /// <summary>The exception that says what happened, under the wrappers (EF's DbUpdateException, aggregate and invocation exceptions) that only say where.</summary>
    private static Exception Unwrap(Exception exception)
    {
        var current = exception;
        while (current is not (UsageException or CommandFailure or RetrievalUnavailableException or PassageIndexException or SqliteException) && current.InnerException is { } inner)
        {
            current = inner;
        }

        return current is PassageIndexException or SqliteException or UsageException or CommandFailure or RetrievalUnavailableException ? current : exception;
    }
}
