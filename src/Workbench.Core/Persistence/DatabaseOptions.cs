using System.ComponentModel.DataAnnotations;

namespace Workbench.Core.Persistence;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>SQLite connection string; the file's folder is created on start.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=.data/workbench.db";
}
