using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Core.Hosting;
using Workbench.Core.Retrieval;

namespace Workbench.TestSupport;

/// <summary>The core pipeline without the web host, on a collection and database of the test's own.</summary>
public static class CoreServices
{
    public static ServiceProvider Build(QdrantFixture qdrant, string collection, string databasePath, IReadOnlyDictionary<string, string?>? overrides = null) =>
        Build(qdrant.Server, collection, databasePath, overrides);

    public static ServiceProvider Build(LocalQdrantServer qdrant, string collection, string databasePath, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = QdrantFixture.ConfigurationFor(qdrant, collection);
        settings["Embedding:ModelDirectory"] = RepositoryPaths.ModelDirectory;
        settings["Database:ConnectionString"] = $"Data Source={databasePath}";
        settings["Ask:MaxTopK"] = "50";
        settings["Admin:UploadDirectory"] = Path.Combine(Path.GetDirectoryName(databasePath)!, "uploads");
        settings["Deidentification:AllowListFile"] = Path.Combine(Path.GetDirectoryName(databasePath)!, "allow-list.txt");
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddWorkbenchCore(configuration).BuildServiceProvider();
    }
}
