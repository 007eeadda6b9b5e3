using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Workbench.Core.Persistence;

/// <summary>One model, two providers; each provider has its own migrations, generated from the same model.</summary>
public static class DatabaseProviders
{
    /// <summary>Where the PostgreSQL migrations live (loaded by name; the hosts reference it).</summary>
    public const string PostgreSqlMigrationsAssembly = "Workbench.Persistence.PostgreSql";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options) => options.Provider switch
    {
        DatabaseProvider.PostgreSql => builder.UseNpgsql(options.ConnectionString, npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly)),
        _ => builder.UseSqlite(options.ConnectionString).AddInterceptors(SqliteWriteGate.For(options.ConnectionString)),
    };

    /// <summary>Options for a context made outside dependency injection (design time, tests).</summary>
    public static DbContextOptions<WorkbenchDbContext> ContextOptions(DatabaseOptions options)
    {
        var builder = new DbContextOptionsBuilder<WorkbenchDbContext>();
        Configure(builder, options);
        return builder.Options;
    }

    /// <summary>The SQLite file's folder, created before migrating; null for a server database.</summary>
    public static string? LocalFolder(DatabaseOptions options) =>
        options.Provider == DatabaseProvider.Sqlite
            ? Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(options.ConnectionString).DataSource))
            : null;
}
