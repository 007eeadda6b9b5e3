using Microsoft.Extensions.Hosting;
using Workbench.Core.Retrieval;

namespace Workbench.Core.Hosting;

/// <summary>Starts the local Qdrant with the host (when configured) and stops it when the host stops.</summary>
public sealed class EmbeddedQdrantService(IOptions<QdrantOptions> options, ILogger<EmbeddedQdrantService> logger) : IHostedService, IAsyncDisposable
{
    private LocalQdrantServer? server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var qdrant = options.Value;
        if (!qdrant.Embedded.Enabled)
        {
            return;
        }

        server = await LocalQdrantServer.StartAsync(qdrant.Embedded.BinaryPath, qdrant.Embedded.StoragePath, qdrant.Host, qdrant.HttpPort, qdrant.GrpcPort, cancellationToken);
        logger.LogInformation("Started Qdrant (pid {Pid}) on {Host}:{HttpPort} (gRPC {GrpcPort}), storage {Storage}",
            server.ProcessId, qdrant.Host, qdrant.HttpPort, qdrant.GrpcPort, Path.GetFullPath(qdrant.Embedded.StoragePath));
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
            logger.LogInformation("Stopped Qdrant");
            server = null;
        }
    }
}
