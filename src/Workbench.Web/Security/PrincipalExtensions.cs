namespace Workbench.Web.Security;

public static class PrincipalExtensions
{
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The roles the user holds, in the order clinician, evaluator, admin.</summary>
    public static IReadOnlyList<string> RoleNames(this ClaimsPrincipal user) => Roles.All.Where(user.IsInRole).ToList();

    public static Actor ToActor(this ClaimsPrincipal user, string channel) =>
        new(user.UserId(), user.Identity?.Name ?? "anonymous", channel);
}
