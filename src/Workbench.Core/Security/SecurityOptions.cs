namespace Workbench.Core.Security;

/// <summary>Sign-in rules and the first admin account.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Created on start when no admin exists. Without a password a random one is generated and printed once on the console.</summary>
    [Required]
    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();

    /// <summary>Wrong passwords in a row before the account is locked.</summary>
    [Range(3, 20)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>
    /// Wrong passwords from one client address, for any accounts, before that address may not try again
    /// for the rest of a <see cref="LockoutMinutes"/> window: one address cannot lock account after account.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxFailedSignInsPerAddress { get; set; } = 20;

    /// <summary>
    /// Whether a lock after wrong passwords also stops the account's API tokens and open pages. Off by
    /// default: anyone who knows a user name can cause that lock. An admin's lock always stops them.
    /// </summary>
    public bool LockoutEndsSessions { get; set; }

    [Range(10, 128)]
    public int MinPasswordLength { get; set; } = 12;

    /// <summary>How long a sign-in lasts without activity (sliding).</summary>
    [Range(1, 24 * 30)]
    public int SessionHours { get; set; } = 8;

    /// <summary>How often an open page re-checks that its user still exists, is not locked and has not changed password or roles.</summary>
    [Range(1, 24 * 60)]
    public int RevalidateMinutes { get; set; } = 5;
}
