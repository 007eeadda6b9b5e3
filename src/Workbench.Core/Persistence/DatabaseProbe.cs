using Microsoft.EntityFrameworkCore;

namespace Workbench.Core.Persistence;

/// <summary>Whether the application database answers, for health checks.</summary>
public sealed class DatabaseProbe(IDbContextFactory<WorkbenchDbContext> contexts)
{
    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken);
    }
}
