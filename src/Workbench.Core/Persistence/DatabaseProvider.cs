namespace Workbench.Core.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
