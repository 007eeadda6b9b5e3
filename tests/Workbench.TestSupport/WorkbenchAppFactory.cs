using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Core.Ingestion;

namespace Workbench.TestSupport;

/// <summary>
/// The real web app against a real Qdrant (a collection of its own), a real SQLite file in a temporary
/// folder, the real ONNX model and the bundled corpus.
/// </summary>
public class WorkbenchAppFactory(QdrantFixture qdrant, string collection) : WebApplicationFactory<Program>
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "workbench-app-" + Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(dataDirectory, "workbench.db");

    public string UploadDirectory => Path.Combine(dataDirectory, "uploads");

    /// <summary>Extra settings applied last, e.g. to point at a Qdrant that is not there.</summary>
    public Dictionary<string, string?> Overrides { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            var settings = qdrant.Configuration(collection);
            settings["Database:ConnectionString"] = $"Data Source={DatabasePath}";
            settings["Embedding:ModelDirectory"] = RepositoryPaths.ModelDirectory;
            settings["Corpus:Directory"] = RepositoryPaths.Corpus;
            settings["Admin:UploadDirectory"] = UploadDirectory;
            foreach (var (key, value) in Overrides)
            {
                settings[key] = value;
            }

            configuration.AddInMemoryCollection(settings);
        });
    }

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
        if (disposing && Directory.Exists(dataDirectory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
