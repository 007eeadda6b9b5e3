using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Workbench.Web.Security;

/// <summary>
/// Signs in automation that sends <c>Authorization: Bearer wbt_…</c>: the token's user, with that user's
/// current roles, as long as the token is active and the account is not locked by an admin (see
/// <see cref="SecurityOptions.LockoutEndsSessions"/> for a lock after wrong passwords).
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    public static bool HasBearerToken(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearerToken(Context))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        if (await tokens.ResolveAsync(secret, Context.RequestAborted) is not { } userId)
        {
            return AuthenticateResult.Fail("The API token is unknown, revoked or expired.");
        }

        var users = Context.RequestServices.GetRequiredService<UserManager<IdentityUser>>();
        var security = Context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (await users.FindByIdAsync(userId) is not { } user || await UserAdministration.LockStopsSessionsAsync(users, user, security))
        {
            return AuthenticateResult.Fail("The token's account is locked or no longer exists.");
        }

        var principal = await Context.RequestServices.GetRequiredService<IUserClaimsPrincipalFactory<IdentityUser>>().CreateAsync(user);
        var claims = Context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, claims.UserNameClaimType, claims.RoleClaimType);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem("Sign in, or send an active API token as 'Authorization: Bearer …'.", statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem("Your role does not allow this.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(Context);
}
