namespace Workbench.Core.Hosting;

public sealed class ScaleOutOptions
{
    public const string Section = "ScaleOut";

    /// <summary>How long the instance doing background work holds its lease without renewing it; another takes over after that.</summary>
    [Range(3, 3600)]
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>How often the background loops look in the database for work queued by other instances.</summary>
    [Range(1, 600)]
    public int PollSeconds { get; set; } = 2;
}
