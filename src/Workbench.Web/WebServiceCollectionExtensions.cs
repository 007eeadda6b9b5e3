using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using MudBlazor.Services;
using Workbench.Core.Hosting;
using Workbench.Core.Telemetry;
using Workbench.Web.Api;
using Workbench.Web.Components;
using Workbench.Web.Security;

namespace Workbench.Web;

public static class WebServiceCollectionExtensions
{
    public const string AskPolicy = "ask";
    public const string UploadPolicy = "upload";

    public static IServiceCollection AddWorkbenchWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RateLimitOptions>(configuration, RateLimitOptions.Section);
        services.AddSingleton<PageAskLimiter>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                WorkbenchTelemetry.RateLimited.Add(1, new KeyValuePair<string, object?>(WorkbenchTelemetry.Attributes.Side, "inbound"));
                var retryAfter = RateLimitOptions.RetryAfter(context.Lease);
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await Results.Problem($"Too many requests; try again in {Math.Ceiling(retryAfter.TotalSeconds)} s.", statusCode: StatusCodes.Status429TooManyRequests, title: "Rate limited")
                    .ExecuteAsync(context.HttpContext);
            };
            limiter.AddPolicy(AskPolicy, context => PerClient(context, o => o.AskPerMinute));
            limiter.AddPolicy(UploadPolicy, context => PerClient(context, o => o.UploadsPerMinute));
        });
        services.AddWorkbenchSecurity(configuration);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        // A body the API cannot bind (bad JSON, a value outside its enum, a wrong content type) is thrown to the
        // exception handler, which answers with the framework's reason as problem details instead of a bare status.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.Exception is BadHttpRequestException bad)
            {
                context.ProblemDetails.Detail = bad.Message;
            }
        });
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        // Behind a reverse proxy on this host (the default trusts loopback proxies only): the client's address for
        // sign-in throttling and the original scheme for HSTS.
        services.Configure<ForwardedHeadersOptions>(options => options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        return services;
    }

    public static WebApplication UseWorkbenchWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders(app.Configuration.ExternalSignInOrigin());
        if (!app.Environment.IsDevelopment())
        {
            // A client's bad request is answered with its own status, and is not an error of the app: no error log for it.
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
                SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
            });
            app.UseHsts();
        }

        app.UseStatusCodePages();
        app.UseEndpointBodyLimits();
        app.UseAuthentication();
        // After authentication, which has already completed an external provider's sign-in (posted from its own site).
        app.UseCrossSiteRequestCheck();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        // Styles and scripts are public: the sign-in page needs them before anyone is signed in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapWorkbenchApi();
        app.MapCampaignApi();
        app.MapAdminApi();
        app.MapMetrics();
        app.MapAccountEndpoints();
        // The app's own policy already forbids framing ('none'); Blazor would add a second, looser header.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }

    /// <summary>A fixed one-minute window per user, or per address before sign-in (API automation; the pages talk over their circuit).</summary>
    private static RateLimitPartition<string> PerClient(HttpContext context, Func<RateLimitOptions, int> limit)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        return RateLimitPartition.GetFixedWindowLimiter(context.User.UserId() ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => RateLimitOptions.PerMinute(limit(options)));
    }
}
