namespace Workbench.Core.Persistence;

/// <summary>A user's API token: its SHA-256 and a short prefix to recognise it by, never the secret.</summary>
public sealed class ApiTokenEntity
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    public required string Prefix { get; set; }

    public required string Hash { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ExpiresAtUtc { get; set; }

    public DateTime? LastUsedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }
}
