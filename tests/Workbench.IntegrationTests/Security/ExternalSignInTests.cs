using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Workbench.IntegrationTests.Security;

/// <summary>
/// Sign-in through an external OpenID Connect provider (a local stand-in for e.g. Entra ID): the real
/// handler runs the authorization-code flow with PKCE; the first sign-in creates a linked local account
/// with the roles the provider asserts.
/// </summary>
[Collection(Name)]
public sealed partial class ExternalSignInTests : IAsyncLifetime
{
    /// <summary>Alone: the provider is configured through environment variables, as in a deployment, and those are the process's.</summary>
    public const string Name = "external sign-in";

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Authentication__OpenIdConnect__ClientId"] = "workbench",
        ["Authentication__OpenIdConnect__ClientSecret"] = "not-a-real-secret",
        ["Authentication__OpenIdConnect__DisplayName"] = "Hospital account",
    };

    private readonly QdrantFixture qdrant = new();
    private readonly FakeOpenIdProvider provider = new("entra-subject-42", "dr.okafor@hospital.example", "Evaluator", "NotARole");
    private WorkbenchAppFactory app = null!;

    public async Task InitializeAsync()
    {
        await qdrant.InitializeAsync();
        app = new WorkbenchAppFactory(qdrant, "external");
        app.Overrides["Corpus:IndexOnStartWhenEmpty"] = "false";
        Settings["Authentication__OpenIdConnect__Authority"] = provider.Authority;
        try
        {
            foreach (var (key, value) in Settings)
            {
                Environment.SetEnvironmentVariable(key, value);
            }

            _ = app.Server;
        }
        finally
        {
            foreach (var key in Settings.Keys)
            {
                Environment.SetEnvironmentVariable(key, null);
            }
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            await app.DisposeAsync();
            await provider.DisposeAsync();
        }
        finally
        {
            await qdrant.DisposeAsync();
        }
    }

    [Fact]
    public async Task AnExternalUserSignsInThroughTheCodeFlowAndGetsTheAssertedRoles()
    {
        var browser = app.CookieClient();
        using var direct = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var loginPage = await browser.GetAsync("/account/login?ReturnUrl=%2Fcampaigns");
        var html = await loginPage.Content.ReadAsStringAsync();
        Assert.Contains("Sign in with Hospital account", html, StringComparison.Ordinal);
        Assert.Contains($"form-action 'self' {provider.Authority}", loginPage.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // The browser posts the provider's button, is sent to the provider, signs in there and comes back with a code.
        var external = ExternalForm().Match(html);
        using var challenge = await browser.PostAsync("/account/external-login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(external.Groups[1].Value),
            ["provider"] = "oidc",
            ["returnUrl"] = "/campaigns",
        }));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith($"{provider.Authority}/authorize", challenge.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", challenge.Headers.Location!.ToString(), StringComparison.Ordinal);

        using var authorized = await direct.GetAsync(challenge.Headers.Location);
        var callback = authorized.Headers.Location!;
        using var signedIn = await browser.GetAsync(callback.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var completed = await browser.GetAsync(signedIn.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        Assert.Equal("/campaigns", completed.Headers.Location!.OriginalString);

        var me = JsonNode.Parse(await browser.GetStringAsync("/api/me"))!;
        Assert.Equal("dr.okafor@hospital.example", me["name"]!.GetValue<string>());
        Assert.Equal(["Evaluator"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        var account = (await app.Services.GetRequiredService<UserAdministration>().ListAsync()).Single(u => u.UserName == "dr.okafor@hospital.example");
        Assert.Equal(["Hospital account"], account.ExternalLogins);
        var trail = app.Services.GetRequiredService<AuditTrail>();
        Assert.Equal(1, (await trail.QueryAsync(new AuditQuery(Actor: "dr.okafor@hospital.example", Action: AuditActions.SignIn))).Total);
    }

    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class Collection;

    [GeneratedRegex("action=\"/account/external-login\"[\\s\\S]*?name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex ExternalForm();
}
