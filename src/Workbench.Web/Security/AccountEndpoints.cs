using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Workbench.Web.Security;

/// <summary>Sign-out and the external provider's round trip; the sign-in form itself is a page.</summary>
public static class AccountEndpoints
{
    private static readonly Uri ThisSite = new("http://this-site/");

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").WithTags("Account");
        account.MapPost("/logout", SignOutAsync).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
        account.MapPost("/external-login", ExternalLoginAsync).AllowAnonymous();
        account.MapGet("/external-callback", ExternalCallbackAsync).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Only a path on this site (an absolute or protocol-relative address would make sign-in an open
    /// redirect), escaped: a redirect's Location header takes ASCII only.
    /// </summary>
    public static string LocalUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || !url.StartsWith('/') || !Uri.TryCreate(ThisSite, url, out var resolved) || resolved.Authority != ThisSite.Authority)
        {
            return "/";
        }

        var local = resolved.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped);
        return local.StartsWith("//", StringComparison.Ordinal) || local.StartsWith("/\\", StringComparison.Ordinal) ? "/" : local;
    }

    private static async Task<Results<ProblemHttpResult, ChallengeHttpResult>> ExternalLoginAsync([FromForm] string provider, [FromForm] string? returnUrl, SignInManager<IdentityUser> signIn)
    {
        if ((await signIn.GetExternalAuthenticationSchemesAsync()).All(s => s.Name != provider))
        {
            return TypedResults.Problem($"There is no sign-in provider '{provider}'.", statusCode: StatusCodes.Status400BadRequest, title: "Unknown provider");
        }

        var callback = $"/account/external-callback?returnUrl={Uri.EscapeDataString(LocalUrl(returnUrl))}";
        return TypedResults.Challenge(signIn.ConfigureExternalAuthenticationProperties(provider, callback), [provider]);
    }

    private static async Task<RedirectHttpResult> ExternalCallbackAsync(string? returnUrl, ExternalSignIn external, HttpContext context, CancellationToken cancellationToken)
    {
        var error = await external.CompleteAsync(cancellationToken);
        await context.SignOutAsync(IdentityConstants.ExternalScheme);
        return TypedResults.LocalRedirect(error is null ? LocalUrl(returnUrl) : $"/account/login?error={error}");
    }

    private static async Task<RedirectHttpResult> SignOutAsync(ClaimsPrincipal user, SignInManager<IdentityUser> signIn, AuditTrail audit, CancellationToken cancellationToken)
    {
        var actor = user.ToActor(Actor.PagesChannel);
        await signIn.SignOutAsync();
        await audit.RecordAsync(actor, AuditActions.SignOut, actor.Name, cancellationToken: cancellationToken);
        return TypedResults.LocalRedirect("/account/login");
    }
}
