using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workbench.Core.Ingestion;
using Workbench.Core.Retrieval;

namespace Workbench.Core.Hosting;

/// <summary>On first run the collection is empty: index the bundled corpus in the background.</summary>
public sealed class CorpusBootstrapService(
    QdrantPassageIndex index,
    PassageIndexer indexer,
    IndexStatus status,
    IOptions<CorpusOptions> options,
    ILogger<CorpusBootstrapService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await indexer.EnsureCollectionAsync(stoppingToken);
            if (!options.Value.IndexOnStartWhenEmpty || await index.CountAsync(stoppingToken) > 0)
            {
                status.Complete(null);
                return;
            }

            status.Start();
            var source = new MarkdownCorpusSource(options.Value.Directory);
            var report = await indexer.IndexAsync(source, new Progress<IndexingProgress>(status.Report), stoppingToken);
            status.Complete(report);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (RpcException ex)
        {
            logger.LogError(ex, "Indexing the bundled corpus failed: Qdrant is not reachable");
            status.Fail("Qdrant is not reachable, so the bundled corpus could not be indexed.");
        }
    }
}
