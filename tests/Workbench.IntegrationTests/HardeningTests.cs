using System.Net;
using System.Net.Http.Json;
using Workbench.Core.Security;
using Workbench.TestSupport;

namespace Workbench.IntegrationTests;

[Collection(IntegrationCollection.Name)]
public class HardeningTests(IntegrationFixture fixture)
{
    [Fact]
    public async Task PagesAndApiCarrySecurityHeaders()
    {
        using var page = await fixture.App.CreateClient().GetAsync("/");

        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task AskingTooOftenGets429WithRetryAfter() =>
        await ThirdRequestInAMinuteIsRefusedAsync("RateLimits:AskPerMinute", Roles.Clinician,
            client => client.PostAsJsonAsync("/api/ask", new { question = "Which vaccine protects adults over 50 against shingles?" }));

    [Fact]
    public async Task UploadingTooOftenGets429WithRetryAfter() =>
        await ThirdRequestInAMinuteIsRefusedAsync("RateLimits:UploadsPerMinute", Roles.Admin, client => client.PostAsync("/api/admin/documents",
            new MultipartFormDataContent { { new StringContent("Low-dose aspirin was continued after 12 weeks of gestation."), "files", "note.txt" } }));

    /// <summary>A second app on the same, already indexed collection, with a limit of two such requests a minute.</summary>
    private async Task ThirdRequestInAMinuteIsRefusedAsync(string limit, string role, Func<HttpClient, Task<HttpResponseMessage>> send)
    {
        await using var limited = new WorkbenchAppFactory(fixture.Qdrant, "corpus");
        limited.Overrides[limit] = "2";
        var client = await limited.ClientAsync(role);
        await limited.WaitForIndexAsync(TimeSpan.FromMinutes(1));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await send(client);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("Too many requests", await last.Content.ReadAsStringAsync());
        last.Dispose();
    }
}
