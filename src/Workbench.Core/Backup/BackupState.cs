namespace Workbench.Core.Backup;

public enum BackupState
{
    Running,
    Succeeded,
    Failed,
}
