using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace Workbench.IntegrationTests.Security;

/// <summary>
/// Every page and endpoint × {anonymous, clinician, evaluator, admin}, through the real server: pages with
/// the sign-in cookie, the API with API tokens. The table below is the whole surface: an endpoint added
/// without an entry here (and without a policy of its own) fails the first test.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.MatrixFixture fixture) : IClassFixture<AuthorizationMatrixTests.MatrixFixture>
{
    /// <summary>Who may use an endpoint. Anonymous: anyone; Signed-in: any user, whatever their roles; Framework: Blazor's own, signed-in users only.</summary>
    public enum Access
    {
        Anonymous,
        SignedIn,
        Framework,
        Clinician,
        Evaluator,
        Admin,
    }

    private static readonly Dictionary<string, Access> Surface = new()
    {
        // Pages.
        ["GET,POST /"] = Access.Clinician,
        ["GET,POST /answers/{AnswerId:guid}"] = Access.Clinician,
        ["GET,POST /campaigns"] = Access.Evaluator,
        ["GET,POST /campaigns/{Id:guid}"] = Access.Evaluator,
        ["GET,POST /campaigns/{Id:guid}/score/{Rater}"] = Access.Evaluator,
        ["GET,POST /evaluations"] = Access.Evaluator,
        ["GET,POST /admin"] = Access.Admin,
        ["GET,POST /admin/users"] = Access.Admin,
        ["GET,POST /admin/audit"] = Access.Admin,
        ["GET,POST /admin/operations"] = Access.Admin,
        ["GET,POST /account/tokens"] = Access.SignedIn,
        ["GET,POST /account/password"] = Access.SignedIn,
        ["GET,POST /account/login"] = Access.Anonymous,
        ["GET,POST /account/access-denied"] = Access.Anonymous,

        // Account endpoints.
        ["POST /account/logout"] = Access.SignedIn,
        ["POST /account/external-login"] = Access.Anonymous,
        ["GET /account/external-callback"] = Access.Anonymous,

        // API.
        ["POST /api/ask"] = Access.Clinician,
        ["GET /api/answers/{id:guid}"] = Access.Clinician,
        ["POST /api/answers/{id:guid}/ratings"] = Access.Clinician,
        ["GET /api/me"] = Access.SignedIn,
        ["GET /api/health"] = Access.Anonymous,
        ["GET /api/campaigns/"] = Access.Evaluator,
        ["POST /api/campaigns/"] = Access.Evaluator,
        ["GET /api/campaigns/{id:guid}"] = Access.Evaluator,
        ["GET /api/campaigns/{id:guid}/raters/{rater}/items/next"] = Access.Evaluator,
        ["GET /api/campaigns/{id:guid}/raters/{rater}/items/{item:int}"] = Access.Evaluator,
        ["POST /api/campaigns/{id:guid}/raters/{rater}/judgements"] = Access.Evaluator,
        ["POST /api/campaigns/{id:guid}/close"] = Access.Evaluator,
        ["POST /api/campaigns/{id:guid}/retry"] = Access.Evaluator,
        ["POST /api/campaigns/{id:guid}/raters"] = Access.Evaluator,
        ["PUT /api/campaigns/{id:guid}/excluded-raters"] = Access.Evaluator,
        ["GET /api/campaigns/{id:guid}/results"] = Access.Evaluator,
        ["GET /api/campaigns/{id:guid}/results.csv"] = Access.Evaluator,
        ["GET /api/campaigns/{id:guid}/judgements.csv"] = Access.Evaluator,
        ["POST /api/admin/documents"] = Access.Admin,
        ["POST /api/admin/reindex"] = Access.Admin,
        ["POST /api/admin/rollback"] = Access.Admin,
        ["GET /api/admin/jobs"] = Access.Admin,
        ["GET /api/admin/jobs/{id:guid}"] = Access.Admin,
        ["POST /api/admin/jobs/{id:guid}/cancel"] = Access.Admin,
        ["GET /api/admin/corpus"] = Access.Admin,
        ["GET /api/admin/redactions"] = Access.Admin,
        ["GET /api/admin/allow-list"] = Access.Admin,
        ["PUT /api/admin/allow-list"] = Access.Admin,
        ["GET /api/admin/audit"] = Access.Admin,
        ["GET /api/admin/audit.csv"] = Access.Admin,
        ["GET /api/admin/audit.json"] = Access.Admin,
        ["GET /api/admin/users"] = Access.Admin,
        ["PUT /api/admin/users/{userName}/roles"] = Access.Admin,

        // The Prometheus scrape (on for this matrix; off by default).
        ["GET /metrics"] = Access.Admin,
    };

    /// <summary>Bodies that pass authorization but change nothing (each is refused by validation or state).</summary>
    private static readonly Dictionary<string, Func<HttpContent>> Bodies = new()
    {
        ["POST /api/ask"] = () => JsonContent.Create(new { question = "" }),
        ["POST /api/answers/{id:guid}/ratings"] = () => JsonContent.Create(new { score = 0 }),
        ["POST /api/campaigns/"] = () => JsonContent.Create(new { name = "" }),
        ["POST /api/campaigns/{id:guid}/raters/{rater}/judgements"] = () => JsonContent.Create(new { item = -1 }),
        ["POST /api/admin/documents"] = () => new MultipartFormDataContent { { new StringContent("x"), "note" } },
        ["POST /api/admin/reindex"] = () => new StringContent("{\"mode\":\"nonsense\"}", Encoding.UTF8, "application/json"),
        ["PUT /api/admin/users/{userName}/roles"] = () => JsonContent.Create(new { roles = new[] { "Nonsense" } }),
        ["PUT /api/admin/allow-list"] = () => JsonContent.Create(new { terms = (string[]?)null }),
        ["POST /account/external-login"] = () => new FormUrlEncodedContent(new Dictionary<string, string> { ["provider"] = "none" }),
    };

    private static readonly string[] Identities = ["anonymous", Roles.Clinician, Roles.Evaluator, Roles.Admin];

    private readonly WorkbenchAppFactory app = fixture.App;

    [Fact]
    public void EveryEndpointIsInTheMatrixAndNamesItsPolicy()
    {
        var endpoints = Endpoints();
        var missing = endpoints.Where(e => !e.Key.StartsWith("FRAMEWORK ", StringComparison.Ordinal) && !Surface.ContainsKey(e.Key))
            .Select(e => e.Key).ToList();
        Assert.True(missing.Count == 0, "Endpoints without an entry in the authorization matrix: " + string.Join("; ", missing));

        var stale = Surface.Keys.Except(endpoints.Keys).ToList();
        Assert.True(stale.Count == 0, "Matrix entries with no endpoint: " + string.Join("; ", stale));

        foreach (var (key, endpoint) in endpoints.Where(e => !e.Key.StartsWith("FRAMEWORK ", StringComparison.Ordinal)))
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var expected = Surface[key];
            switch (expected)
            {
                case Access.Anonymous:
                    Assert.True(anonymous, $"{key} should allow anonymous access explicitly.");
                    break;
                case Access.SignedIn:
                    Assert.True(!anonymous && policies.Count > 0, $"{key} should require a signed-in user explicitly.");
                    break;
                default:
                    Assert.False(anonymous, $"{key} must not allow anonymous access.");
                    Assert.Contains(expected.ToString(), policies);
                    break;
            }
        }

        // Blazor's own endpoints carry no policy: the fallback policy requires a signed-in user.
        Assert.All(endpoints.Where(e => e.Key.StartsWith("FRAMEWORK ", StringComparison.Ordinal)), e =>
            Assert.True(e.Value.Metadata.GetMetadata<IAllowAnonymous>() is null, $"{e.Key} must not allow anonymous access."));
        Assert.NotNull(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>().Value.FallbackPolicy);
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var key in Surface.Keys)
        {
            foreach (var identity in Identities)
            {
                data.Add(key, identity);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachIdentityIsAllowedOrDeniedAsTheMatrixSays(string key, string identity)
    {
        var access = Surface[key];
        var allowed = access switch
        {
            Access.Anonymous => true,
            Access.SignedIn => identity != "anonymous",
            _ => identity != "anonymous" && Roles.Granting(access.ToString()).Contains(identity),
        };
        var (methods, pattern) = (key[..key.IndexOf(' ', StringComparison.Ordinal)], key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var method = methods.Split(',')[0];
        var isPage = methods.Contains(',', StringComparison.Ordinal) || pattern.StartsWith("/account/", StringComparison.Ordinal);
        var (api, pages) = fixture.Clients[identity];
        var userName = identity == "anonymous" ? "nobody" : identity.ToLowerInvariant();

        using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(pattern, userName));
        if (Bodies.TryGetValue(key, out var body))
        {
            request.Content = body();
        }
        else if (method is "POST" or "PUT")
        {
            request.Content = JsonContent.Create(new { });
        }

        // Signing out ends the session it is sent with: it gets a session of its own.
        var signingOut = key == "POST /account/logout";
        using var own = signingOut && identity != "anonymous" ? await app.SignedInClientAsync(userName) : null;
        using var response = await (own ?? (isPage ? pages : api)).SendAsync(request);
        var status = response.StatusCode;
        var location = response.Headers.Location?.ToString() ?? string.Empty;
        if (allowed)
        {
            // A refusal is 401/403, or a redirect to sign in (carrying ReturnUrl) or to the access-denied page.
            Assert.False(status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{identity} was refused {key}: {status}");
            Assert.DoesNotContain("ReturnUrl=", location, StringComparison.Ordinal);
            Assert.DoesNotContain("/account/access-denied", location, StringComparison.Ordinal);
            if (signingOut)
            {
                using var after = await own!.GetAsync("/api/me");
                Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
            }
        }
        else if (!isPage)
        {
            Assert.Equal(identity == "anonymous" ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, status);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, status);
            Assert.Contains(identity == "anonymous" ? "/account/login?ReturnUrl=" : "/account/access-denied", location, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ARaterCannotFetchOrScoreItemsAsSomeoneElse()
    {
        var (api, _) = fixture.Clients[Roles.Evaluator];
        var id = Guid.NewGuid();

        using var item = await api.GetAsync($"/api/campaigns/{id}/raters/ana/items/next");
        using var judgement = await api.PostAsJsonAsync($"/api/campaigns/{id}/raters/ana/judgements", new { item = 0 });

        Assert.Equal(HttpStatusCode.Forbidden, item.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, judgement.StatusCode);
    }

    [Fact]
    public async Task ARevokedOrUnknownTokenIsRefused()
    {
        var user = await app.UserAsync("clinician", Roles.Clinician);
        var tokens = app.Services.GetRequiredService<ApiTokens>();
        var created = await tokens.CreateAsync(user.Id, "short-lived", null, TestActor.Instance);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", created.Secret);
        using var before = await client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Contains("clinician", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.True(await tokens.RevokeAsync(user.Id, created.Info.Id, TestActor.Instance));
        using var after = await client.GetAsync("/api/me");
        client.DefaultRequestHeaders.Authorization = new("Bearer", "wbt_" + new string('x', 43));
        using var unknown = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    private Dictionary<string, RouteEndpoint> Endpoints() => app.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
        .GroupBy(Key)
        .ToDictionary(g => g.Key, g => g.First());

    private static string Key(RouteEndpoint endpoint)
    {
        var pattern = endpoint.RoutePattern.RawText ?? string.Empty;
        if (!pattern.StartsWith('/'))
        {
            pattern = "/" + pattern;
        }

        // The circuit hub, and the Development-only fallback that serves static files missing from the build manifest
        // (the published files are static asset endpoints, anonymous; see MapStaticAssets).
        if (pattern.StartsWith("/_blazor", StringComparison.Ordinal) || pattern.StartsWith("/_framework", StringComparison.Ordinal) || pattern == "/{**path:file}")
        {
            return "FRAMEWORK " + pattern;
        }

        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
        return $"{string.Join(',', methods.Order(StringComparer.Ordinal))} {pattern}";
    }

    private static string Concrete(string pattern, string userName) => pattern
        .Replace("{AnswerId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{Id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{Rater}", userName, StringComparison.Ordinal)
        .Replace("{rater}", userName, StringComparison.Ordinal)
        .Replace("{item:int}", "0", StringComparison.Ordinal)
        .Replace("{userName}", "clinician", StringComparison.Ordinal);

    /// <summary>One app of its own for the whole matrix, with nothing indexed: no request can change what other tests see.</summary>
    public sealed class MatrixFixture : IAsyncLifetime
    {
        private readonly QdrantFixture qdrant = new();

        public WorkbenchAppFactory App { get; private set; } = null!;

        /// <summary>Per identity: an API client (by token) and a page client (by the sign-in cookie).</summary>
        public Dictionary<string, (HttpClient Api, HttpClient Pages)> Clients { get; } = [];

        public async Task InitializeAsync()
        {
            await qdrant.InitializeAsync();
            App = new WorkbenchAppFactory(qdrant, "matrix");
            App.Overrides["Corpus:IndexOnStartWhenEmpty"] = "false";
            App.Overrides["RateLimits:AskPerMinute"] = "100000";
            App.Overrides["Telemetry:Prometheus"] = "true";
            _ = App.Server;
            Clients["anonymous"] = (App.CreateClient(), App.CookieClient());
            foreach (var role in Roles.All)
            {
                var user = await App.UserAsync(role.ToLowerInvariant(), role);
                Clients[role] = (user.Authorize(App.CreateClient()), await App.SignedInClientAsync(user.UserName));
            }
        }

        public async Task DisposeAsync()
        {
            try
            {
                await App.DisposeAsync();
            }
            finally
            {
                await qdrant.DisposeAsync();
            }
        }
    }
}
