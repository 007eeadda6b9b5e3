using System.Security.Cryptography;

namespace Workbench.Web.Security;

/// <summary>
/// Response headers against injected content: a content security policy that lets only the app's own
/// scripts run (plus Blazor's inline import map, by a per-response nonce), styles from the app and inline
/// (MudBlazor sets styles on elements), no framing, no plugins, no sniffing, no referrer; API answers are not cached.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "csp-nonce";

    /// <summary>The nonce the import map carries on this response.</summary>
    public static string Nonce(HttpContext context) => context.Items[NonceKey] as string ?? string.Empty;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? externalSignInOrigin)
    {
        // A form that signs in with an external provider is redirected there; form-action covers redirects.
        var formAction = externalSignInOrigin is null ? "'self'" : $"'self' {externalSignInOrigin}";
        return app.Use(async (context, next) =>
        {
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            // Set when the response starts, so that an answer the exception handler rewrites (it clears the headers) carries them too.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy =
                    $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                    $"font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action {formAction}; frame-ancestors 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    // Answers, ratings and the audit trail must not stay in a browser's or a proxy's cache.
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            await next();
        });
    }
}
