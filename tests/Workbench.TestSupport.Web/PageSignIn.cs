using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Workbench.TestSupport.Web;

/// <summary>Signs in through the real sign-in page: its form, its antiforgery token, its cookie.</summary>
public static partial class PageSignIn
{
    /// <summary>A client that keeps cookies and does not follow redirects, so a test sees where each response sends it.</summary>
    public static HttpClient CookieClient(this WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts the sign-in form as a browser would; the response is a redirect on success, the page with an error otherwise.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var address = returnUrl is null ? "/account/login" : $"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var page = await client.GetStringAsync(address);
        var token = AntiforgeryField().Match(page) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The sign-in page carries no antiforgery token.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(address, form);
    }

    /// <summary>A cookie client signed in as the user, or an exception saying why not.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this WebApplicationFactory<Program> app, string userName, string password = TestUsers.Password)
    {
        var client = app.CookieClient();
        using var response = await PostAsync(client, userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {userName} failed: {response.StatusCode}.");
        }

        return client;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
