using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workbench.Core.Indexing;
using Workbench.Core.Ingestion;
using Workbench.Core.Retrieval;

namespace Workbench.Core.Hosting;

/// <summary>
/// Runs reindex jobs in the background, one at a time, on the instance that holds the background-work
/// lease. On start it resumes jobs a stopped process left unfinished, and on first run (nothing indexed)
/// it indexes the bundled corpus as a job of its own. Jobs asked for on other instances are found in
/// the database.
/// </summary>
public sealed class ReindexHostedService(
    ReindexService reindex, BackgroundLeadership leadership, IndexStatus status, IOptions<CorpusOptions> corpus,
    ILogger<ReindexHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await leadership.WaitUntilLeaderAsync(stoppingToken);
            try
            {
                await reindex.ResumeOrBootstrapAsync(corpus.Value.IndexOnStartWhenEmpty, stoppingToken);
            }
            catch (PassageIndexException ex)
            {
                logger.LogError(ex, "Checking the passage index on start failed: Qdrant is not reachable");
                status.Fail("Qdrant is not reachable, so the bundled corpus could not be indexed.");
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                if (!leadership.IsLeader || await reindex.NextAsync(stoppingToken) is not { } job)
                {
                    await leadership.WaitForWorkAsync(reindex.Pending, stoppingToken);
                    continue;
                }

                try
                {
                    await reindex.RunAsync(job, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One job's unexpected failure must not stop the queue; the job is recorded as failed.
                    logger.LogError(ex, "Reindex job {Job} stopped unexpectedly", job);
                    await reindex.MarkFailedAsync(job, "The reindex stopped unexpectedly; the live index was not changed. Start it again.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: an unfinished job stays "running" and resumes on the next start.
        }
    }
}
