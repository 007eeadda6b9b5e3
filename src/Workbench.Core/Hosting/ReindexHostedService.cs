using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workbench.Core.Indexing;
using Workbench.Core.Ingestion;

namespace Workbench.Core.Hosting;

/// <summary>
/// Runs reindex jobs in the background, one at a time. On start it resumes jobs a stopped process left
/// unfinished, and on first run (nothing indexed) it indexes the bundled corpus as a job of its own.
/// </summary>
public sealed class ReindexHostedService(ReindexService reindex, IndexStatus status, IOptions<CorpusOptions> corpus, ILogger<ReindexHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await reindex.ResumeOrBootstrapAsync(corpus.Value.IndexOnStartWhenEmpty, stoppingToken);
        }
        catch (RpcException ex)
        {
            logger.LogError(ex, "Checking the passage index on start failed: Qdrant is not reachable");
            status.Fail("Qdrant is not reachable, so the bundled corpus could not be indexed.");
        }

        try
        {
            await foreach (var job in reindex.Pending.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await reindex.RunAsync(job, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One job's unexpected failure must not stop the queue; the job stays as recorded and is retried on restart.
                    logger.LogError(ex, "Reindex job {Job} stopped unexpectedly", job);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: an unfinished job stays "running" and resumes on the next start.
        }
    }
}
