namespace Workbench.Core.Backup;

/// <summary>A backup or restore that cannot go ahead, with a one-sentence reason an operator can act on.</summary>
public sealed class BackupException(string message) : Exception(message);
