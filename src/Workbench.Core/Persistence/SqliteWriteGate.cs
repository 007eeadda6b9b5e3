using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workbench.Core.Persistence;

/// <summary>
/// SQLite lets one writer in at a time. A second writer's transaction finds the file busy, and
/// Microsoft.Data.Sqlite retries it with blocking sleeps: with fifty clinicians asking at once that tied
/// up thread-pool threads and stalled every circuit on the server. Saves in this process therefore queue
/// here instead, asynchronously, one gate per database; another process on the same file still meets
/// SQLite's own retry. Every save is followed by exactly one of saved, failed or canceled, which releases.
/// </summary>
public sealed class SqliteWriteGate : SaveChangesInterceptor
{
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new();
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, object> holders = [];

    private SqliteWriteGate()
    {
    }

    /// <summary>The gate of the database this connection string opens.</summary>
    public static SqliteWriteGate For(string connectionString) => Gates.GetOrAdd(connectionString, _ => new SqliteWriteGate());

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        gate.Wait();
        Hold(eventData.Context);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        Hold(eventData.Context);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    private void Hold(DbContext? context)
    {
        if (context is null || !holders.TryAdd(context, this))
        {
            gate.Release();
            throw new InvalidOperationException("A context saved again before its previous save finished.");
        }
    }

    private void Release(DbContext? context)
    {
        if (context is not null && holders.Remove(context))
        {
            gate.Release();
        }
    }
}
