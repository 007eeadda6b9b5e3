using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Core.Ingestion;
using Workbench.Core.Retrieval;

namespace Workbench.TestSupport.Web;

/// <summary>
/// The real web app against a real Qdrant (a collection of its own), a real SQLite file in a temporary
/// folder, the real ONNX model and the bundled corpus.
/// </summary>
public class WorkbenchAppFactory(QdrantFixture qdrant, string collection) : WebApplicationFactory<Program>
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<TestUser>> users = new();
    private readonly TempFolder dataDirectory = new("workbench-app-");

    public string DatabasePath => Path.Combine(dataDirectory, "workbench.db");

    public string UploadDirectory => Path.Combine(dataDirectory, "uploads");

    /// <summary>Extra settings applied last, e.g. to point at a Qdrant that is not there.</summary>
    public Dictionary<string, string?> Overrides { get; } = [];

    /// <summary>When set, receives every log line the app writes at its configured levels.</summary>
    public CapturedLogs? Logs { get; set; }

    /// <summary>When set, receives every span, metric and log record the app exports through OpenTelemetry.</summary>
    public CapturedTelemetry? Telemetry { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // As host settings too, so what Program.cs reads while registering services (which exporters run) sees them.
        foreach (var (key, value) in Overrides)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            var settings = qdrant.Configuration(collection);
            settings["Database:ConnectionString"] = $"Data Source={DatabasePath}";
            settings["Embedding:ModelDirectory"] = RepositoryPaths.ModelDirectory;
            settings["Corpus:Directory"] = RepositoryPaths.Corpus;
            settings["Admin:UploadDirectory"] = UploadDirectory;
            settings["Deidentification:AllowListFile"] = Path.Combine(dataDirectory, "allow-list.txt");
            settings["Security:BootstrapAdmin:Password"] = TestUsers.Password;
            foreach (var (key, value) in Overrides)
            {
                settings[key] = value;
            }

            configuration.AddInMemoryCollection(settings);
        });
        if (Logs is { } logs)
        {
            builder.ConfigureServices(services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs));
        }

        if (Telemetry is { } telemetry)
        {
            builder.ConfigureServices(telemetry.AddTo);
        }
    }

    /// <summary>Serves the app over real HTTP on a free loopback port (for browsers and WebSocket clients); returns its address.</summary>
    public string ServeOnLoopback()
    {
        var port = LocalQdrantServer.FreePort();
        UseKestrel(port);
        StartServer();
        return $"http://127.0.0.1:{port}";
    }

    /// <summary>The account <paramref name="userName"/> with these roles (created on first use) and an API token of its own.</summary>
    public Task<TestUser> UserAsync(string userName, params string[] roles) =>
        users.GetOrAdd(userName, _ => TestUsers.CreateAsync(Services, userName, roles));

    /// <summary>A client of the API signed in as <paramref name="userName"/> by API token.</summary>
    public async Task<HttpClient> ClientAsync(string userName, params string[] roles) => (await UserAsync(userName, roles)).Authorize(CreateClient());

    /// <summary>A client signed in as a user holding only <paramref name="role"/> (named after it).</summary>
    public Task<HttpClient> ClientAsync(string role) => ClientAsync(role.ToLowerInvariant(), role);

    /// <summary>Waits until the bundled corpus is indexed (the app does it on first start).</summary>
    public async Task WaitForIndexAsync(TimeSpan timeout)
    {
        var status = Services.GetRequiredService<IndexStatus>();
        var deadline = DateTime.UtcNow + timeout;
        while (status.State is IndexState.NotStarted or IndexState.Indexing)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The bundled corpus was not indexed in time.");
            }

            await Task.Delay(100);
        }

        if (status.State == IndexState.Failed)
        {
            throw new InvalidOperationException($"Indexing failed: {status.Error}");
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dataDirectory.Dispose();
        }
    }
}
