namespace Workbench.Core.Persistence;

/// <summary>
/// A data-protection key ring entry (what sign-in cookies and antiforgery tokens are protected with),
/// kept in the database so that every web instance reads the same keys.
/// </summary>
public sealed class DataProtectionKeyEntity
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}
