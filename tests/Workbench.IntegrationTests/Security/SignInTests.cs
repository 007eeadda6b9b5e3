using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Core.Security;
using Workbench.TestSupport;

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

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await PageSignIn.PostAsync(client, "locksmith", "not-the-password-" + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains(attempt < 5 ? "Wrong user name or password" : "locked", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var right = await PageSignIn.PostAsync(client, "locksmith", TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("This account is locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var me = await client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        // The lock applies to the account, so its API token stops working too.
        using var byToken = await user.Authorize(fixture.App.CreateClient()).GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, byToken.StatusCode);

        var trail = fixture.Services.GetRequiredService<AuditTrail>();
        Assert.Equal(4, (await trail.QueryAsync(new AuditQuery(Actor: "locksmith", Action: AuditActions.SignInFailed))).Total);
        Assert.Equal(2, (await trail.QueryAsync(new AuditQuery(Actor: "locksmith", Action: AuditActions.LockedOut))).Total);

        Assert.True((await fixture.Services.GetRequiredService<UserAdministration>().SetLockedAsync(user.Id, false, TestActor.Instance)).Succeeded);
        using var unlocked = await PageSignIn.PostAsync(client, "locksmith", TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Contains("locksmith", await client.GetStringAsync("/api/me"), StringComparison.Ordinal);
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

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
