using Workbench.TestSupport;

namespace Workbench.EndToEndTests;

/// <summary>
/// The workbench served by Kestrel on a free port (real Qdrant, SQLite, ONNX model, bundled corpus)
/// and Debian's Chromium driven by Playwright. Playwright never downloads a browser here.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly QdrantFixture qdrant = new();

    /// <summary>The Qdrant the app uses; other apps a test starts get collections of their own on it.</summary>
    public QdrantFixture Qdrant => qdrant;
    private WorkbenchAppFactory app = null!;
    private IPlaywright playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The running app's services, to arrange data a page shows.</summary>
    public IServiceProvider Services => app.Services;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/setup.sh --browser (the test script does).");
        }

        await qdrant.InitializeAsync();
        app = new WorkbenchAppFactory(qdrant, "e2e");
        BaseUrl = app.ServeOnLoopback();
        await app.WaitForIndexAsync(TimeSpan.FromMinutes(3));
        await app.UserAsync("clinician", Roles.Clinician);
        await app.UserAsync("evaluator", Roles.Evaluator);
        foreach (var rater in new[] { "ana", "ben" })
        {
            await app.UserAsync(rater, Roles.Evaluator);
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        try
        {
            await Browser.DisposeAsync();
            playwright.Dispose();
            await app.DisposeAsync();
        }
        finally
        {
            await qdrant.DisposeAsync();
        }
    }

    /// <summary>A client of the app's API signed in by API token as one of the fixture's users, to set up what a page shows.</summary>
    public Task<HttpClient> ApiAsync(string userName) => app.ClientAsync(userName, []);

    /// <summary>
    /// A browser of its own (own cookies), signed in through the sign-in page as <paramref name="userName"/>
    /// (the fixture's users: admin, clinician, evaluator, ana and ben), or not signed in when null.
    /// </summary>
    public Task<IPage> NewPageAsync(string? userName = "admin") => NewPageAsync(BaseUrl, userName);

    /// <summary>As <see cref="NewPageAsync(string?)"/>, on a screen <paramref name="width"/> CSS pixels wide (390: a phone).</summary>
    public Task<IPage> NewPageAsync(string? userName, int width) => NewPageAsync(BaseUrl, userName, width);

    public async Task<IPage> NewPageAsync(string baseUrl, string? userName, int width = 1400)
    {
        // Phones are taller than wide; desktops the other way round.
        var height = width < 600 ? 844 : 1000;
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        if (userName is not null)
        {
            await SignInAsync(page, baseUrl, userName);
        }

        return page;
    }

    public static async Task SignInAsync(IPage page, string baseUrl, string userName, string password = TestUsers.Password)
    {
        await page.GotoAsync(baseUrl + "/account/login");
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#sign-in").ClickAsync();
        // The first sign-in of a fresh app hashes the password and renders the first page while every test project runs beside it:
        // a full run on two cores once took over the default 30 s here.
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 90_000 });
    }

    /// <summary>
    /// The whole page, or with <paramref name="fullPage"/> false what the screen shows: a full-page capture of a phone
    /// draws fixed elements (app bar, bottom sheet) where the scroll position left them, not where the user sees them.
    /// </summary>
    public static Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.TestArtifacts("e2e"), name + ".png"), FullPage = fullPage });
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
