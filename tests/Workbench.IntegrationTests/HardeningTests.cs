using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

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
    public async Task ACookieCallerCannotChangeAnythingFromAnotherSite()
    {
        var victim = await fixture.App.SignedInClientAsync("evaluator");
        // No such campaign: a request that reaches the endpoint is answered 409, one refused before it 403.
        var close = $"/api/campaigns/{Guid.NewGuid()}/close";
        async Task<HttpStatusCode> PostAsync(HttpClient client, string header, string value)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, close);
            request.Headers.Add(header, value);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        // A page on another port of the same host is "same-site" to a browser, and SameSite=Lax lets the cookie go.
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(victim, "Sec-Fetch-Site", "same-site"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(victim, "Sec-Fetch-Site", "cross-site"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(victim, "Origin", "http://localhost:8081"));
        Assert.Equal(HttpStatusCode.Conflict, await PostAsync(victim, "Sec-Fetch-Site", "same-origin"));
        Assert.Equal(HttpStatusCode.Conflict, await PostAsync(victim, "Origin", victim.BaseAddress!.GetLeftPart(UriPartial.Authority)));
        // A bearer token is not sent by a browser on its own: such callers are not checked.
        Assert.Equal(HttpStatusCode.Conflict, await PostAsync(fixture.Evaluator, "Sec-Fetch-Site", "cross-site"));
    }

    [Theory]
    [InlineData("campaign", "{\"name\":\"x\",\"configurations\":[\"default\",\"dense-only\"],\"raters\":[null],\"questions\":\"Who needs a statin?\"}")]
    [InlineData("judgement", "{}")]
    [InlineData("judgement", "{\"item\":0,\"left\":null,\"right\":{\"accuracy\":3},\"preference\":\"tie\"}")]
    [InlineData("judgement", "{\"item\":0,\"left\":{\"accuracy\":3,\"completeness\":3,\"citationSupport\":3,\"harm\":3,\"clarity\":3},\"right\":{\"accuracy\":3,\"completeness\":3,\"citationSupport\":3,\"harm\":3,\"clarity\":3},\"preference\":1}")]
    [InlineData("judgement", "{\"item\":0,\"left\":{\"accuracy\":3,\"completeness\":3,\"citationSupport\":3,\"harm\":3,\"clarity\":3},\"right\":{\"accuracy\":3,\"completeness\":3,\"citationSupport\":3,\"harm\":3,\"clarity\":3},\"preference\":\"7\"}")]
    [InlineData("reindex", "{\"mode\":99}")]
    [InlineData("reindex", "{\"mode\":\"rollback\"}")]
    public async Task BodiesWithNullsOrValuesOutsideTheirSetsAreRefusedWith400(string target, string body)
    {
        var (client, path) = target switch
        {
            "campaign" => (fixture.Evaluator, "/api/campaigns"),
            "judgement" => (fixture.Rater("ana"), $"/api/campaigns/{Guid.NewGuid()}/raters/ana/judgements"),
            _ => (fixture.Admin, "/api/admin/reindex"),
        };

        using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task InProductionErrorsAreProblemDetailsWithoutInternalsAndCarryTheSecurityHeaders()
    {
        await using var app = new WorkbenchAppFactory(fixture.Qdrant, "corpus");
        await using var production = app.WithWebHostBuilder(host => host.UseEnvironment("Production")
            .ConfigureServices(services => services.AddSingleton<IStartupFilter, FailingPath>()));
        var user = await TestUsers.CreateAsync(production.Services, "clinician", Roles.Clinician);
        var client = user.Authorize(production.CreateClient());

        using var failure = await client.GetAsync(FailingPath.Path);
        using var badJson = await client.PostAsync("/api/ask", new StringContent("{\"question\":", Encoding.UTF8, "application/json"));
        using var badType = await client.PostAsync("/api/ask", new StringContent("question", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, badType.StatusCode);
        foreach (var response in new[] { failure, badJson, badType })
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain(FailingPath.Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(user.Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(" at Workbench.", text, StringComparison.Ordinal);
            Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }

        Assert.Contains("JSON", await badJson.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InProductionHttpsAnswersCarryHstsAndApiAnswersAreNotCached()
    {
        await using var app = new WorkbenchAppFactory(fixture.Qdrant, "corpus");
        await using var production = app.WithWebHostBuilder(host => host.UseEnvironment("Production"));
        var client = production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://workbench.example/") });

        using var health = await client.GetAsync("/api/health");

        Assert.StartsWith("max-age=", health.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Equal("no-store", health.Headers.CacheControl?.ToString());
    }

    /// <summary>A path past every endpoint that fails as a bug would: the app's own exception handling must answer for it.</summary>
    private sealed class FailingPath : IStartupFilter
    {
        public const string Path = "/test-failure";
        public const string Secret = "internal detail of the failure";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context =>
            {
                if (context.Request.Path == Path)
                {
                    throw new InvalidOperationException(Secret);
                }

                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        };
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
