using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workbench.Core.Persistence;

namespace Workbench.Core.Security;

public sealed record UserSummary(string Id, string UserName, string? Email, IReadOnlyList<string> Roles, DateTimeOffset? LockedUntil, int FailedSignIns, IReadOnlyList<string> ExternalLogins)
{
    public bool IsLockedOut(DateTimeOffset now) => LockedUntil > now;
}

/// <summary>The outcome of a change; <see cref="Password"/> is a generated password, to be shown once.</summary>
public sealed record UserChange(string? Error, string? Password = null)
{
    public bool Succeeded => Error is null;

    public static UserChange Ok(string? password = null) => new(null, password);
}

/// <summary>
/// What admins do with accounts: list, create with a generated password, change roles, lock, reset a
/// password; and the first admin on a new installation. Every change is audited. Each operation runs
/// in a scope of its own, so a page that stays open for hours never works from a stale user store.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, IDbContextFactory<WorkbenchDbContext> contexts, AuditTrail audit, IOptions<SecurityOptions> options, TimeProvider time)
{
    /// <summary>The end of an admin's lock: never, which no lock after wrong passwords reaches.</summary>
    private static readonly DateTimeOffset AdminLock = DateTimeOffset.MaxValue;

    public const string UserNamePattern = "^[A-Za-z0-9._@+-]{2,64}$";

    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string Symbols = "!#$%&*+-=?@^_~";

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var logins = await db.UserLogins.AsNoTracking().Select(l => new { l.UserId, l.ProviderDisplayName, l.LoginProvider }).ToListAsync(cancellationToken);
        return users.Select(u => new UserSummary(u.Id, u.UserName!, u.Email,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(r => Roles.All.ToList().IndexOf(r)).ToList(),
            u.LockoutEnd, u.AccessFailedCount,
            logins.Where(l => l.UserId == u.Id).Select(l => l.ProviderDisplayName ?? l.LoginProvider).ToList())).ToList();
    }

    /// <summary>The id of the user with this name (any case), or null.</summary>
    public async Task<string?> FindIdByNameAsync(string userName)
    {
        await using var scope = scopes.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByNameAsync(userName))?.Id;
    }

    public async Task<UserChange> CreateAsync(string userName, string? email, IReadOnlyCollection<string> roles, Actor actor, CancellationToken cancellationToken = default)
    {
        userName = userName.Trim();
        if (!System.Text.RegularExpressions.Regex.IsMatch(userName, UserNamePattern))
        {
            return new UserChange("A user name has 2–64 letters, digits or . _ - @ +.");
        }

        if (RoleProblem(roles) is { } problem)
        {
            return new UserChange(problem);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser(userName) { Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim() };
        var password = GeneratePassword();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new UserChange(Describe(created));
        }

        await EnsureRolesExistAsync(scope.ServiceProvider);
        var added = await users.AddToRolesAsync(user, roles);
        if (!added.Succeeded)
        {
            return new UserChange(Describe(added));
        }

        await audit.RecordAsync(actor, AuditActions.UserCreated, userName, $"roles: {string.Join(", ", roles)}", cancellationToken);
        return UserChange.Ok(password);
    }

    public async Task<UserChange> SetRolesAsync(string userId, IReadOnlyCollection<string> roles, Actor actor, CancellationToken cancellationToken = default)
    {
        if (RoleProblem(roles) is { } problem)
        {
            return new UserChange(problem);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return new UserChange("There is no such user.");
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && !roles.Contains(Roles.Admin) && await IsLastAdminAsync(users, user))
        {
            return new UserChange("This is the only admin; make someone else an admin first.");
        }

        await EnsureRolesExistAsync(scope.ServiceProvider);
        var removed = await users.RemoveFromRolesAsync(user, current.Except(roles));
        var added = removed.Succeeded ? await users.AddToRolesAsync(user, roles.Except(current)) : removed;
        if (!added.Succeeded)
        {
            return new UserChange(Describe(added));
        }

        // A new stamp makes open pages and cookies of this user pick up the new roles at their next check.
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(actor, AuditActions.RolesChanged, user.UserName, $"{string.Join(", ", current)} → {string.Join(", ", roles)}", cancellationToken);
        return UserChange.Ok();
    }

    /// <summary>
    /// Whether the account's lock stops what it is already signed in with (API tokens, open pages): an admin's
    /// lock always; a lock after wrong passwords only with <see cref="SecurityOptions.LockoutEndsSessions"/>.
    /// </summary>
    public static async Task<bool> LockStopsSessionsAsync(UserManager<IdentityUser> users, IdentityUser user, SecurityOptions options) =>
        await users.IsLockedOutAsync(user) && (user.LockoutEnd?.Year == AdminLock.Year || options.LockoutEndsSessions);

    public async Task<UserChange> SetLockedAsync(string userId, bool locked, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return new UserChange("There is no such user.");
        }

        if (locked && user.Id == actor.UserId)
        {
            return new UserChange("You cannot lock your own account.");
        }

        if (locked && await users.IsInRoleAsync(user, Roles.Admin) && await IsLastAdminAsync(users, user))
        {
            return new UserChange("This is the only admin; make someone else an admin first.");
        }

        await users.SetLockoutEnabledAsync(user, true);
        var result = await users.SetLockoutEndDateAsync(user, locked ? AdminLock : null);
        if (result.Succeeded && !locked)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        if (!result.Succeeded)
        {
            return new UserChange(Describe(result));
        }

        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(actor, locked ? AuditActions.UserLocked : AuditActions.UserUnlocked, user.UserName, cancellationToken: cancellationToken);
        return UserChange.Ok();
    }

    /// <summary>Replaces the password with a generated one (shown once to the admin) and ends the user's sessions.</summary>
    public async Task<UserChange> ResetPasswordAsync(string userId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return new UserChange("There is no such user.");
        }

        var password = GeneratePassword();
        var result = await SetPasswordAsync(users, user, password);
        if (!result.Succeeded)
        {
            return new UserChange(Describe(result));
        }

        await audit.RecordAsync(actor, AuditActions.PasswordReset, user.UserName, cancellationToken: cancellationToken);
        return UserChange.Ok(password);
    }

    /// <summary>
    /// On a new installation (no admin yet), creates the configured admin account. Returns the password
    /// when one was generated, for the caller to print once; null when nothing was created or the
    /// password came from configuration.
    /// </summary>
    public async Task<(string UserName, string? GeneratedPassword)?> EnsureAdminAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await EnsureRolesExistAsync(scope.ServiceProvider);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return null;
        }

        var bootstrap = options.Value.BootstrapAdmin;
        var configured = string.IsNullOrEmpty(bootstrap.Password) ? null : bootstrap.Password;
        var password = configured ?? GeneratePassword();
        var user = await users.FindByNameAsync(bootstrap.UserName);
        IdentityResult result;
        if (user is null)
        {
            user = new IdentityUser(bootstrap.UserName);
            result = await users.CreateAsync(user, password);
        }
        else
        {
            result = await SetPasswordAsync(users, user, password);
        }

        result = result.Succeeded ? await users.AddToRoleAsync(user, Roles.Admin) : result;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The first admin account could not be created: {Describe(result)}");
        }

        await audit.RecordAsync(Actor.System, AuditActions.UserCreated, bootstrap.UserName, "roles: Admin (first admin of this installation)", cancellationToken);
        return (bootstrap.UserName, configured is null ? password : null);
    }

    /// <summary>A random password that meets the password rules (every character class, at least 20 characters).</summary>
    public string GeneratePassword()
    {
        var length = Math.Max(20, options.Value.MinPasswordLength);
        var all = Lower + Upper + Digits + Symbols;
        var chars = new char[length];
        string[] classes = [Lower, Upper, Digits, Symbols];
        for (var i = 0; i < length; i++)
        {
            var set = i < classes.Length ? classes[i] : all;
            chars[i] = set[RandomNumberGenerator.GetInt32(set.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static async Task<IdentityResult> SetPasswordAsync(UserManager<IdentityUser> users, IdentityUser user, string password)
    {
        if (await users.HasPasswordAsync(user))
        {
            var removed = await users.RemovePasswordAsync(user);
            if (!removed.Succeeded)
            {
                return removed;
            }
        }

        var added = await users.AddPasswordAsync(user, password);
        if (added.Succeeded)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            await users.UpdateSecurityStampAsync(user);
        }

        return added;
    }

    private static async Task EnsureRolesExistAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private async Task<bool> IsLastAdminAsync(UserManager<IdentityUser> users, IdentityUser user)
    {
        var now = time.GetUtcNow();
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return admins.All(a => a.Id == user.Id || a.LockoutEnd > now);
    }

    private static string? RoleProblem(IReadOnlyCollection<string> roles) =>
        roles.Count == 0 ? "Choose at least one role."
        : roles.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown ? $"Unknown role '{unknown}'." : null;

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
