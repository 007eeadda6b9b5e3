namespace Workbench.Core.Backup;

public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Where the admin page's backups go, each in a folder of its own named after its time.</summary>
    [Required]
    public string Directory { get; set; } = ".data/backups";
}
