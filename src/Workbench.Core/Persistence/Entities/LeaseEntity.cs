namespace Workbench.Core.Persistence;

/// <summary>A named lease: which instance does a piece of work (background jobs) until when.</summary>
public sealed class LeaseEntity
{
    public required string Name { get; set; }

    public required string Holder { get; set; }

    public DateTime ExpiresAtUtc { get; set; }
}
