using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Workbench.Core.Persistence;

namespace Workbench.IntegrationTests.Persistence;

/// <summary>Tests against a migrated application database in a SQLite file of their own, one per test, deleted afterwards.</summary>
public abstract class SqliteFileTest : IAsyncLifetime
{
    private readonly TempFolder folder = new("workbench-sqlite-");

    protected PooledDbContextFactory<WorkbenchDbContext> Contexts { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Contexts = new PooledDbContextFactory<WorkbenchDbContext>(DatabaseProviders.ContextOptions(new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "workbench.db")}" }));
        await using var db = await Contexts.CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
        return Task.CompletedTask;
    }
}
