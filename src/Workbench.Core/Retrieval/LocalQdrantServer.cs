using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Workbench.Core.Retrieval;

public sealed class LocalQdrantServer : IAsyncDisposable
{
    private readonly Process process;
    private bool disposed;

    private LocalQdrantServer(Process process, string host, int httpPort, int grpcPort)
    {
        this.process = process;
        Host = host;
        HttpPort = httpPort;
        GrpcPort = grpcPort;
    }

    public string Host { get; }

    public int HttpPort { get; }

    public int GrpcPort { get; }

    public int ProcessId => process.Id;

    /// <param name="cluster">Set to run the server as a node of a distributed cluster (P2P on loopback).</param>
    public static async Task<LocalQdrantServer> StartAsync(
        string binaryPath, string storagePath, string host, int httpPort, int grpcPort, CancellationToken cancellationToken = default, ClusterNode? cluster = null)
    {
        if (!File.Exists(binaryPath))
        {
            throw new FileNotFoundException($"Qdrant binary not found at {binaryPath}; run scripts/setup.sh", binaryPath);
        }

        storagePath = Path.GetFullPath(storagePath);
        Directory.CreateDirectory(storagePath);
        var arguments = cluster is null
            ? "--disable-telemetry"
            : $"--disable-telemetry --uri http://{host}:{cluster.P2pPort}" + (cluster.Bootstrap is { } peer ? $" --bootstrap {peer}" : string.Empty);
        var start = new ProcessStartInfo(binaryPath, arguments)
        {
            WorkingDirectory = storagePath,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["QDRANT__SERVICE__HOST"] = host;
        start.Environment["QDRANT__SERVICE__HTTP_PORT"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["QDRANT__SERVICE__GRPC_PORT"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["QDRANT__STORAGE__STORAGE_PATH"] = Path.Combine(storagePath, "storage");
        start.Environment["QDRANT__STORAGE__SNAPSHOTS_PATH"] = Path.Combine(storagePath, "snapshots");
        start.Environment["QDRANT__TELEMETRY_DISABLED"] = "true";
        start.Environment["QDRANT__LOG_LEVEL"] = "WARN";
        if (cluster is not null)
        {
            start.Environment["QDRANT__CLUSTER__ENABLED"] = "true";
            start.Environment["QDRANT__CLUSTER__P2P__PORT"] = cluster.P2pPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Qdrant did not start");
        // Drain its output so a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new LocalQdrantServer(process, host, httpPort, grpcPort);
        try
        {
            await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Qdrant exited with code {process.ExitCode} during start (is port {HttpPort} or {GrpcPort} taken?)");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"http://{Host}:{HttpPort}/readyz"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"Qdrant was not ready within {timeout.TotalSeconds} s");
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            _ = Kill(process.Id, Sigterm);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
    }

    /// <summary>A free TCP port on loopback, for test servers that must not collide.</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
