using System.ComponentModel.DataAnnotations;

namespace Workbench.Web.Security;

/// <summary>
/// An external OpenID Connect provider (e.g. Microsoft Entra ID) for real deployments. Off unless an
/// authority is set; local accounts keep working beside it.
/// </summary>
public sealed class OpenIdConnectSettings : IValidatableObject
{
    public const string Section = "Authentication:OpenIdConnect";
    public const string Scheme = "oidc";

    /// <summary>The issuer, e.g. https://login.microsoftonline.com/{tenant}/v2.0.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The button's label on the sign-in page.</summary>
    [Required]
    public string DisplayName { get; set; } = "Single sign-on";

    /// <summary>The ID-token claim whose values (Clinician, Evaluator, Admin) become the user's roles at every sign-in; Entra app roles arrive as "roles".</summary>
    [Required]
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim that names a new local account.</summary>
    [Required]
    public string UserNameClaim { get; set; } = "preferred_username";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            yield return new ValidationResult($"{Section}:Authority must be an absolute http(s) URL.", [nameof(Authority)]);
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult($"{Section}:ClientId is required when an authority is set.", [nameof(ClientId)]);
        }
    }
}
