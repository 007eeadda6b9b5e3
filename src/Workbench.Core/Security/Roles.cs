namespace Workbench.Core.Security;

/// <summary>
/// The three roles. They nest: an evaluator can do what a clinician does, an admin what both do, so a
/// user normally holds one role; holding several is allowed and changes nothing.
/// </summary>
public static class Roles
{
    public const string Clinician = "Clinician";
    public const string Evaluator = "Evaluator";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Clinician, Evaluator, Admin];

    /// <summary>The roles that grant what <paramref name="role"/> may do.</summary>
    public static IReadOnlyList<string> Granting(string role) => role switch
    {
        Clinician => [Clinician, Evaluator, Admin],
        Evaluator => [Evaluator, Admin],
        Admin => [Admin],
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    public static bool TryNormalise(string? name, out string role)
    {
        role = All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? string.Empty;
        return role.Length > 0;
    }
}
