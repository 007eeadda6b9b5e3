
namespace Workbench.Core.Persistence;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>SQLite (the embedded default, a file) or PostgreSQL (for several web instances and larger installations).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite <c>Data Source=path</c> (the folder is created on start); for PostgreSQL an Npgsql connection string.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=.data/workbench.db";
}
