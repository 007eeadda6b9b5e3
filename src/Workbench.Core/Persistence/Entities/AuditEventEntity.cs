namespace Workbench.Core.Persistence;

/// <summary>One entry of the audit trail; rows are only ever inserted.</summary>
public sealed class AuditEventEntity
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public string? UserId { get; set; }

    public required string Actor { get; set; }

    public required string Channel { get; set; }

    public required string Action { get; set; }

    public string? Target { get; set; }

    public string? Detail { get; set; }
}
