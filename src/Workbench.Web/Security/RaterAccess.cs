namespace Workbench.Web.Security;

/// <summary>Raters are users: each scores under their own user name, so nobody can score in another's place.</summary>
public static class RaterAccess
{
    public static bool IsSelf(ClaimsPrincipal user, string? rater) =>
        rater is not null && string.Equals(user.Identity?.Name, rater, StringComparison.OrdinalIgnoreCase);
}
