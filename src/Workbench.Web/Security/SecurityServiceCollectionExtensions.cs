using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;

namespace Workbench.Web.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Picks the API token handler when a bearer token is sent, the sign-in cookie otherwise.</summary>
    private const string CookieOrToken = "CookieOrToken";

    /// <summary>
    /// Accounts with ASP.NET Core Identity (cookie sign-in for the pages, API tokens for automation, an
    /// optional external OpenID Connect provider), the role policies, and a fallback policy so that
    /// anything without a policy of its own still needs a signed-in user.
    /// </summary>
    public static IServiceCollection AddWorkbenchSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWorkbenchUsers(configuration).AddSignInManager().AddDefaultTokenProviders();
        services.AddDataProtection().SetApplicationName("clinician-workbench");
        services.AddOptions<KeyManagementOptions>().Configure<KeyRingStore>((keys, store) => keys.XmlRepository = new KeyRingXmlRepository(store));
        services.AddOptions<OpenIdConnectSettings>().Bind(configuration.GetSection(OpenIdConnectSettings.Section)).ValidateDataAnnotations().ValidateOnStart();

        var authentication = services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrToken;
                options.DefaultChallengeScheme = CookieOrToken;
                options.DefaultForbidScheme = CookieOrToken;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            // No display name: the sign-in page offers every scheme that has one as an external provider.
            .AddPolicyScheme(CookieOrToken, displayName: null, options => options.ForwardDefaultSelector = context =>
                ApiTokenAuthenticationHandler.HasBearerToken(context) ? ApiTokenAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        authentication.AddIdentityCookies();

        var oidc = configuration.GetSection(OpenIdConnectSettings.Section).Get<OpenIdConnectSettings>() ?? new();
        if (oidc.Enabled)
        {
            authentication.AddOpenIdConnect(OpenIdConnectSettings.Scheme, oidc.DisplayName, options => ConfigureOpenIdConnect(options, oidc));
        }

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<SecurityOptions>>((cookie, security) =>
        {
            cookie.Cookie.Name = "workbench.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(security.Value.SessionHours);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/account/login";
            cookie.AccessDeniedPath = "/account/access-denied";
            // The API answers with status codes, never with a redirect to a page.
            cookie.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
            // Signing in on the login page redirects to its ReturnUrl as given, and Kestrel refuses a non-ASCII Location header.
            cookie.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(AccountEndpoints.LocalUrl(context.RedirectUri));
                return Task.CompletedTask;
            };
        });
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        var builder = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var role in Roles.All)
        {
            builder.AddPolicy(role, policy => policy.RequireRole(Roles.Granting(role)));
        }

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ExternalSignIn>();
        services.AddSingleton<SignInThrottle>();
        return services;
    }

    /// <summary>The external provider's origin, for the content security policy; null when none is configured.</summary>
    public static string? ExternalSignInOrigin(this IConfiguration configuration) =>
        configuration.GetSection(OpenIdConnectSettings.Section).Get<OpenIdConnectSettings>() is { Enabled: true } oidc
            ? new Uri(oidc.Authority!).GetLeftPart(UriPartial.Authority)
            : null;

    private static void ConfigureOpenIdConnect(OpenIdConnectOptions options, OpenIdConnectSettings settings)
    {
        options.Authority = settings.Authority;
        options.ClientId = settings.ClientId;
        options.ClientSecret = settings.ClientSecret;
        options.ResponseType = "code";
        options.UsePkce = true;
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.CallbackPath = "/signin-oidc";
        options.RequireHttpsMetadata = settings.Authority!.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        options.MapInboundClaims = false;
        options.SaveTokens = false;
        options.Scope.Add("email");
        options.TokenValidationParameters.NameClaimType = settings.UserNameClaim;
        options.TokenValidationParameters.RoleClaimType = settings.RoleClaim;
        // Served over plain http only in development; over https these cookies are marked Secure.
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments(WebTelemetry.MetricsPath))
        {
            context.Response.StatusCode = status;
            return Results.Problem(status == StatusCodes.Status401Unauthorized
                    ? "Sign in, or send an active API token as 'Authorization: Bearer …'."
                    : "Your role does not allow this.",
                statusCode: status, title: status == StatusCodes.Status401Unauthorized ? "Not signed in" : "Forbidden").ExecuteAsync(context.HttpContext);
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
