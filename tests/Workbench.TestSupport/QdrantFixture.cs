using Xunit;
using Workbench.Core.Retrieval;

namespace Workbench.TestSupport;

/// <summary>A real Qdrant server for one test run: free ports, a temporary storage folder deleted afterwards.</summary>
public sealed class QdrantFixture : IAsyncLifetime
{
    private readonly TempFolder storage = new("workbench-qdrant-");

    public LocalQdrantServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await LocalQdrantServer.StartAsync(RepositoryPaths.QdrantBinary, storage, "127.0.0.1", LocalQdrantServer.FreePort(), LocalQdrantServer.FreePort());

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        storage.Dispose();
    }

    /// <summary>Configuration pointing the app at this server, with a collection of its own.</summary>
    public Dictionary<string, string?> Configuration(string collection) => ConfigurationFor(Server, collection);

    /// <summary>Configuration pointing the app at a given server (e.g. one node of a cluster), with a collection of its own.</summary>
    public static Dictionary<string, string?> ConfigurationFor(LocalQdrantServer server, string collection) => new()
    {
        ["Qdrant:Host"] = server.Host,
        ["Qdrant:HttpPort"] = server.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Qdrant:GrpcPort"] = server.GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Qdrant:Collection"] = collection,
        ["Qdrant:Embedded:Enabled"] = "false",
    };
}
