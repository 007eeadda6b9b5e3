namespace Workbench.Core.Persistence;

/// <summary>Times are stored as UTC <see cref="DateTime"/>s, which SQLite hands back unspecified; this marks them UTC again.</summary>
internal static class StoredTime
{
    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}
