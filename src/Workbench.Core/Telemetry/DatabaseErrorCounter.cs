using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workbench.Core.Telemetry;

/// <summary>Counts every failed database command, whichever store ran it, for <c>workbench.database.errors</c>.</summary>
public sealed class DatabaseErrorCounter : DbCommandInterceptor
{
    public static readonly DatabaseErrorCounter Instance = new();

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Count(eventData);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Count(eventData);
        return Task.CompletedTask;
    }

    private static void Count(CommandErrorEventData eventData)
    {
        // A cancelled query is the caller going away, not the database failing.
        if (eventData.Exception is not OperationCanceledException)
        {
            WorkbenchTelemetry.DatabaseErrors.Add(1, new KeyValuePair<string, object?>(WorkbenchTelemetry.Attributes.ErrorType, eventData.Exception.GetType().FullName));
        }
    }
}
