using Qdrant.Client;
using Workbench.Core.Backup;

namespace Workbench.Core.Retrieval.Qdrant;

/// <summary>
/// Collection snapshots over Qdrant's REST API, where the gRPC client cannot reach: a snapshot is created
/// (gRPC), downloaded (<c>GET /collections/{name}/snapshots/{snapshot}</c>) and deleted from the server;
/// restoring uploads it (<c>POST /collections/{name}/snapshots/upload</c>), which creates or replaces the collection.
/// </summary>
public sealed class QdrantSnapshots(QdrantClient client, IOptions<QdrantOptions> options) : IIndexSnapshots
{
    public async Task<BackupFile> DownloadAsync(string collection, string root, string relativePath, CancellationToken cancellationToken)
    {
        var snapshot = await client.CreateSnapshotAsync(collection, cancellationToken);
        try
        {
            using var http = Http();
            using var response = await http.GetAsync(
                new Uri($"collections/{collection}/snapshots/{Uri.EscapeDataString(snapshot.Name)}", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            await EnsureSuccessAsync(response, $"downloading the snapshot of {collection}", cancellationToken);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var file = await BackupFiles.WriteAsync(body, root, relativePath, cancellationToken);
            if (snapshot.HasChecksum && !snapshot.Checksum.Equals(file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new BackupException($"The snapshot of {collection} arrived damaged: its SHA-256 differs from the one Qdrant reported.");
            }

            return file;
        }
        finally
        {
            await client.DeleteSnapshotAsync(collection, snapshot.Name, CancellationToken.None);
        }
    }

    public async Task UploadAsync(string collection, string path, string sha256, CancellationToken cancellationToken)
    {
        using var http = Http();
        await using var stream = File.OpenRead(path);
        using var content = new MultipartFormDataContent { { new StreamContent(stream), "snapshot", Path.GetFileName(path) } };
        using var response = await http.PostAsync(
            new Uri($"collections/{collection}/snapshots/upload?priority=snapshot&wait=true&checksum={sha256}", UriKind.Relative), content, cancellationToken);
        await EnsureSuccessAsync(response, $"restoring {collection} from its snapshot", cancellationToken);
    }

    private HttpClient Http()
    {
        var qdrant = options.Value;
        // Snapshots of a large index take minutes to move; the caller's token bounds the wait instead.
        var http = new HttpClient { BaseAddress = new Uri($"{(qdrant.Https ? "https" : "http")}://{qdrant.Host}:{qdrant.HttpPort}/"), Timeout = Timeout.InfiniteTimeSpan };
        if (!string.IsNullOrEmpty(qdrant.ApiKey))
        {
            http.DefaultRequestHeaders.Add("api-key", qdrant.ApiKey);
        }

        return http;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new BackupException($"Qdrant refused {what}: {(int)response.StatusCode} {detail[..Math.Min(detail.Length, 300)]}");
        }
    }
}
