using Microsoft.EntityFrameworkCore.Design;
using Workbench.Core.Persistence;

namespace Workbench.Persistence.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add --project src/Workbench.Persistence.PostgreSql</c> build the model for PostgreSQL without a server.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<WorkbenchDbContext>
{
    public WorkbenchDbContext CreateDbContext(string[] args)
    {
        return new(DatabaseProviders.ContextOptions(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = "Host=localhost;Database=workbench" }));
    }
}
