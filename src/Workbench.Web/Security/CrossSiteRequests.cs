namespace Workbench.Web.Security;

/// <summary>
/// Refuses state-changing requests a browser sends on another site's behalf. The sign-in cookie goes with
/// every request to this host, whichever page made it: SameSite=Lax does not stop a page on another port
/// of the same host, nor a cross-site form post or a <c>no-cors</c> fetch to an endpoint that reads no
/// JSON body. Browsers say where a request comes from (<c>Sec-Fetch-Site</c>, else <c>Origin</c>); with
/// the cookie, only this origin may change anything. Bearer-token callers carry no ambient credential
/// and are not checked; clients that send neither header (scripts) are not browsers acting for a page.
/// </summary>
public static class CrossSiteRequests
{
    public static IApplicationBuilder UseCrossSiteRequestCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (IsCrossSite(context.Request))
        {
            await Results.Problem("A state-changing request from another site is refused; use the workbench's own pages, or an API token.",
                statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused").ExecuteAsync(context);
            return;
        }

        await next();
    });

    public static bool IsCrossSite(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method)
            || ApiTokenAuthenticationHandler.HasBearerToken(request.HttpContext))
        {
            return false;
        }

        // "none" is a request the user started (typed or bookmarked), never one another page made.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is not ("same-origin" or "none");
        }

        // Compared by host and port only: behind a proxy that ends TLS the app sees http while the browser says https.
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0
            && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
