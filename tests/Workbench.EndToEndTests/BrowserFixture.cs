using Microsoft.Playwright;
using Workbench.Core.Retrieval;
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
        var port = LocalQdrantServer.FreePort();
        app.UseKestrel(port);
        app.StartServer();
        BaseUrl = $"http://127.0.0.1:{port}";
        await app.WaitForIndexAsync(TimeSpan.FromMinutes(3));

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

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.TestArtifacts("e2e"), name + ".png"), FullPage = true });
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
