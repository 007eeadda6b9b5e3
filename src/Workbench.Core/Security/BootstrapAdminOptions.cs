namespace Workbench.Core.Security;

public sealed class BootstrapAdminOptions
{
    [Required]
    [RegularExpression(UserAdministration.UserNamePattern, ErrorMessage = "Security:BootstrapAdmin:UserName: letters, digits and . _ - @ + only, 2–64 characters.")]
    public string UserName { get; set; } = "admin";

    /// <summary>Only for automated set-ups (e.g. from a secret store); never commit one.</summary>
    public string? Password { get; set; }
}
