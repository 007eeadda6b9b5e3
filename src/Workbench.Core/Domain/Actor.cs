namespace Workbench.Core.Domain;

/// <summary>
/// Who did something, for ownership and the audit trail: a signed-in user (by id and name) through a
/// channel (the pages, the API, the command line), or the workbench itself for background work.
/// </summary>
public sealed record Actor(string? UserId, string Name, string Channel)
{
    public const string PagesChannel = "web";
    public const string ApiChannel = "api";
    public const string CommandLineChannel = "cli";

    /// <summary>Background work nobody asked for directly, such as first-run indexing.</summary>
    public static Actor System { get; } = new(null, "system", "background");

    public static Actor CommandLine { get; } = new(null, "command line", CommandLineChannel);
}
