using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Workbench.Core.Persistence;

namespace Workbench.Core.Security;

public sealed record ApiTokenInfo(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}

/// <summary>A token as created: the secret is shown once and never stored.</summary>
public sealed record CreatedApiToken(string Secret, ApiTokenInfo Info);

/// <summary>
/// Per-user API tokens for automation. A token is 32 random bytes; only its SHA-256 is stored, which is
/// enough for a secret of that strength (no slow hash needed), and lets a request be matched by lookup.
/// </summary>
public sealed class ApiTokens(IDbContextFactory<WorkbenchDbContext> contexts, AuditTrail audit, TimeProvider time)
{
    public const string SecretPrefix = "wbt_";
    public const int MaxNameLength = 100;
    public const int MaxActivePerUser = 20;

    /// <summary>Last use is written at most this often per token, so every API call does not write to the database.</summary>
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    public async Task<CreatedApiToken> CreateAsync(string userId, string name, TimeSpan? lifetime, Actor actor, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            throw new ArgumentException($"Give the token a name of 1–{MaxNameLength} characters.", nameof(name));
        }

        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var active = await db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedAtUtc == null && (t.ExpiresAtUtc == null || t.ExpiresAtUtc > now.UtcDateTime), cancellationToken);
        if (active >= MaxActivePerUser)
        {
            throw new InvalidOperationException($"There are already {active} active tokens; revoke one first.");
        }

        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var entity = new ApiTokenEntity
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Name = name,
            Prefix = secret[..(SecretPrefix.Length + 6)],
            Hash = Hash(secret),
            CreatedAtUtc = now.UtcDateTime,
            ExpiresAtUtc = lifetime is { } l ? (now + l).UtcDateTime : null,
        };
        db.ApiTokens.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(actor, AuditActions.TokenCreated, entity.Prefix, $"name: {name}; expires: {entity.ExpiresAtUtc?.ToString("yyyy-MM-dd") ?? "never"}", cancellationToken);
        return new CreatedApiToken(secret, ToInfo(entity));
    }

    /// <summary>A token for the user with this name (for the command line); fails when there is no such user.</summary>
    public async Task<CreatedApiToken> CreateForUserNameAsync(string userName, string name, TimeSpan? lifetime, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var normalized = userName.Trim().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ArgumentException($"There is no user '{userName}'.");
        return await CreateAsync(userId, name, lifetime, actor, cancellationToken);
    }

    public async Task<IReadOnlyList<ApiTokenInfo>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAtUtc).ToListAsync(cancellationToken);
        return rows.Select(ToInfo).ToList();
    }

    /// <summary>Revokes one of the user's tokens; false when the user has no such active token.</summary>
    public async Task<bool> RevokeAsync(string userId, Guid tokenId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId && t.RevokedAtUtc == null, cancellationToken);
        if (entity is null)
        {
            return false;
        }

        entity.RevokedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(actor, AuditActions.TokenRevoked, entity.Prefix, $"name: {entity.Name}", cancellationToken);
        return true;
    }

    /// <summary>The id of the user an active token belongs to, or null for an unknown, revoked or expired one.</summary>
    public async Task<string?> ResolveAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }

        var hash = Hash(secret);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await db.ApiTokens.FirstOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        if (entity is null || entity.RevokedAtUtc is not null || entity.ExpiresAtUtc <= now)
        {
            return null;
        }

        if (entity.LastUsedAtUtc is null || now - entity.LastUsedAtUtc > LastUseResolution)
        {
            entity.LastUsedAtUtc = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return entity.UserId;
    }

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static ApiTokenInfo ToInfo(ApiTokenEntity t) => new(t.Id, t.Name, t.Prefix, StoredTime.Utc(t.CreatedAtUtc),
        StoredTime.Utc(t.ExpiresAtUtc), StoredTime.Utc(t.LastUsedAtUtc), StoredTime.Utc(t.RevokedAtUtc));
}
