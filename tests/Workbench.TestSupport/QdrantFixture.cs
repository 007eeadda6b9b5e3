using Xunit;
using Workbench.Core.Retrieval;

namespace Workbench.TestSupport;

/// <summary>A real Qdrant server for one test run: free ports, a temporary storage folder deleted afterwards.</summary>
public sealed class QdrantFixture : IAsyncLifetime
{
    private readonly string storage = Path.Combine(Path.GetTempPath(), "workbench-qdrant-" + Guid.NewGuid().ToString("N"));

    public LocalQdrantServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await LocalQdrantServer.StartAsync(RepositoryPaths.QdrantBinary, storage, "127.0.0.1", LocalQdrantServer.FreePort(), LocalQdrantServer.FreePort());

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(storage, recursive: true);
    }

    /// <summary>Configuration pointing the app at this server, with a collection of its own.</summary>
    public Dictionary<string, string?> Configuration(string collection) => new()
    {
        ["Qdrant:Host"] = Server.Host,
        ["Qdrant:HttpPort"] = Server.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Qdrant:GrpcPort"] = Server.GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Qdrant:Collection"] = collection,
        ["Qdrant:Embedded:Enabled"] = "false",
    };
}
