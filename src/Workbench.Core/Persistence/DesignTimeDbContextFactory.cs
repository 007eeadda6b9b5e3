using Microsoft.EntityFrameworkCore.Design;

namespace Workbench.Core.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the web host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<WorkbenchDbContext>
{
    public WorkbenchDbContext CreateDbContext(string[] args)
    {
        return new(DatabaseProviders.ContextOptions(new DatabaseOptions { ConnectionString = "Data Source=design-time.db" }));
    }
}
