using System.Text.RegularExpressions;

namespace Workbench.IntegrationTests.Security;

/// <summary>The sign-in page against brute force, open redirects and forged posts; headers and body limits.</summary>
[Collection(IntegrationCollection.Name)]
public partial class SignInTests(IntegrationFixture fixture)
{
    [Fact]
    public async Task RepeatedWrongPasswordsLockTheAccountUntilAnAdminUnlocksIt()
    {
        var user = await fixture.App.UserAsync("locksmith", Roles.Clinician);
        var client = fixture.App.CookieClient();

        using var unknown = await PageSignIn.PostAsync(client, "no-such-user", "not-the-password");
        var unknownAnswer = LoginError(await unknown.Content.ReadAsStringAsync());
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await PageSignIn.PostAsync(client, "locksmith", "not-the-password-" + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Equal(unknownAnswer, LoginError(await wrong.Content.ReadAsStringAsync()));
        }

        // Locked now: the right password is refused with the same answer an unknown user gets, so the page tells no one which accounts exist.
        using var right = await PageSignIn.PostAsync(client, "locksmith", TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(unknownAnswer, LoginError(await right.Content.ReadAsStringAsync()));
        Assert.Contains("Wrong user name or password", unknownAnswer, StringComparison.Ordinal);
        using var me = await client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        // Anyone can cause this lock by typing wrong passwords, so it does not cut off the account's API token.
        using var byToken = await user.Authorize(fixture.App.CreateClient()).GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, byToken.StatusCode);

        var trail = fixture.Services.GetRequiredService<AuditTrail>();
        Assert.Equal(4, (await trail.QueryAsync(new AuditQuery(Actor: "locksmith", Action: AuditActions.SignInFailed))).Total);
        Assert.Equal(2, (await trail.QueryAsync(new AuditQuery(Actor: "locksmith", Action: AuditActions.LockedOut))).Total);

        Assert.True((await fixture.Services.GetRequiredService<UserAdministration>().SetLockedAsync(user.Id, false, TestActor.Instance)).Succeeded);
        using var unlocked = await PageSignIn.PostAsync(client, "locksmith", TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Contains("locksmith", await client.GetStringAsync("/api/me"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminsLockStopsTheAccountsApiToken()
    {
        var user = await fixture.App.UserAsync("suspended", Roles.Clinician);
        var client = user.Authorize(fixture.App.CreateClient());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        Assert.True((await fixture.Services.GetRequiredService<UserAdministration>().SetLockedAsync(user.Id, true, TestActor.Instance)).Succeeded);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task TheSignInPageShowsOnlyItsOwnMessagesAndOffersNoInternalScheme()
    {
        var client = fixture.App.CreateClient();

        var phishing = await client.GetStringAsync("/account/login?error=" + Uri.EscapeDataString("Your account is suspended: call +1 555 0100 now"));
        var known = await client.GetStringAsync("/account/login?error=" + Workbench.Web.Security.SignInErrors.NoAccount);

        Assert.DoesNotContain("555 0100", phishing, StringComparison.Ordinal);
        Assert.Equal("The external sign-in did not complete; try again.", LoginError(phishing));
        Assert.Contains("No account could be created", LoginError(known), StringComparison.Ordinal);
        // Without an external provider configured there is no button besides the form's own.
        Assert.DoesNotContain("Sign in with", phishing, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/campaigns", "/campaigns")]
    [InlineData("https://evil.example/phish", "/")]
    [InlineData("//evil.example/phish", "/")]
    [InlineData("/\\evil.example", "/")]
    public async Task SignInReturnsOnlyToAddressesOnThisSite(string returnUrl, string expected)
    {
        var client = fixture.App.CookieClient();

        using var response = await PageSignIn.PostAsync(client, "evaluator", TestUsers.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(client.BaseAddress!, response.Headers.Location!);
        Assert.Equal(client.BaseAddress!.Host, location.Host);
        Assert.Equal(expected, location.AbsolutePath);
    }

    [Fact]
    public async Task ANonAsciiReturnAddressIsEscapedInTheRedirectOverRealHttp()
    {
        // Kestrel, unlike the in-memory test server, refuses a response header with non-ASCII characters.
        await using var app = new WorkbenchAppFactory(fixture.Qdrant, "corpus");
        var address = app.ServeOnLoopback();
        await app.UserAsync("evaluator", Roles.Evaluator);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(address) };

        using var response = await PageSignIn.PostAsync(client, "evaluator", TestUsers.Password, "/é");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(client.BaseAddress!, response.Headers.Location!);
        Assert.Equal(client.BaseAddress!.Authority, location.Authority);
        Assert.Equal("/%C3%A9", location.AbsolutePath);
    }

    [Fact]
    public async Task ASignInPostWithoutTheAntiforgeryTokenIsRefused()
    {
        var client = fixture.App.CookieClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = "admin",
            ["Input.Password"] = TestUsers.Password,
        });

        using var response = await client.PostAsync("/account/login", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task PagesCarryAContentSecurityPolicyWhoseNonceIsTheImportMapsOnly()
    {
        var client = await fixture.App.SignedInClientAsync("clinician");

        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();

        var nonce = Nonce().Match(policy).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", policy[..policy.IndexOf("style-src", StringComparison.Ordinal)], StringComparison.Ordinal);
        // Every inline script on the page is the import map, and it carries this response's nonce.
        var inline = InlineScript().Matches(html);
        Assert.NotEmpty(inline);
        Assert.All(inline, m => Assert.Contains($"nonce=\"{nonce}\"", WebUtility.HtmlDecode(m.Value), StringComparison.Ordinal));
        using var again = await client.GetAsync("/");
        Assert.NotEqual(nonce, Nonce().Match(again.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value);
    }

    [Fact]
    public async Task AQuestionBodyBeyondTheEndpointsLimitIsRefusedWith413()
    {
        using var response = await fixture.Clinician.PostAsJsonAsync("/api/ask", new { question = new string('a', 100_000) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string LoginError(string html) =>
        WebUtility.HtmlDecode(LoginErrorAlert().Match(html) is { Success: true } match ? match.Groups[1].Value.Trim() : throw new InvalidOperationException("The page shows no sign-in error."));

    [GeneratedRegex("id=\"login-error\"[^>]*>([^<]*)<")]
    private static partial Regex LoginErrorAlert();

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
