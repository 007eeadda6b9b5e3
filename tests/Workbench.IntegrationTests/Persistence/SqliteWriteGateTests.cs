using Microsoft.EntityFrameworkCore;
using Workbench.Core.Persistence;

namespace Workbench.IntegrationTests.Persistence;

/// <summary>Saves to one SQLite file queue on the in-process gate; a save that fails or is cancelled must not keep it shut.</summary>
public sealed class SqliteWriteGateTests : SqliteFileTest
{
    [Fact]
    public async Task ManyConcurrentSavesAllLand()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => SaveAsync(Event($"concurrent {i}"))));

        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(40, await db.AuditEvents.CountAsync(e => e.Detail!.StartsWith("concurrent")));
    }

    [Fact]
    public async Task AFailedSaveAndACancelledSaveLetTheNextSaveThrough()
    {
        await SaveAsync(Event("first", id: 7));
        await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(Event("same key", id: 7)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SaveAsync(Event("cancelled"), new CancellationToken(canceled: true)));

        // A gate left shut by either would hold this save until the test gives up.
        await SaveAsync(Event("after")).WaitAsync(TimeSpan.FromSeconds(10));

        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(["first", "after"], await db.AuditEvents.OrderBy(e => e.Id).Select(e => e.Detail!).ToListAsync());
    }

    private async Task SaveAsync(AuditEventEntity entry, CancellationToken cancellationToken = default)
    {
        await using var db = await Contexts.CreateDbContextAsync(CancellationToken.None);
        db.AuditEvents.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static AuditEventEntity Event(string detail, long id = 0) => new()
    {
        Id = id,
        AtUtc = DateTime.UtcNow,
        Actor = "test",
        Channel = "test",
        Action = "gate-test",
        Detail = detail,
    };
}
