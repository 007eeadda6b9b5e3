using Microsoft.Extensions.Hosting;
using Workbench.Core.Indexing;
using Workbench.Core.Ingestion;
using Workbench.Core.Retrieval;

namespace Workbench.Core.Hosting;

/// <summary>
/// Runs reindex jobs in the background, one at a time, on the instance that holds the background-work
/// lease. When it takes the lease it resumes jobs a stopped process left unfinished, and on first run
/// (nothing indexed) it indexes the bundled corpus as a job of its own. Jobs asked for on other instances
/// are found in the database; while another instance holds the lease, the index status follows what it stores.
/// </summary>
public sealed class ReindexHostedService(
    ReindexService reindex, IndexBootstrap bootstrap, IndexStatusFollower follower, BackgroundLeadership leadership, IndexStatus status,
    IOptions<CorpusOptions> corpus, ILogger<ReindexHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var bootstrapped = false;
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!leadership.IsLeader)
                {
                    var work = leadership.WaitForWorkAsync(reindex.Wakeups, stoppingToken);
                    // Until this instance first leads, taking the lease ends the wait: a first run indexes without delay.
                    await (bootstrapped ? work : Task.WhenAny(work, leadership.WaitUntilLeaderAsync(stoppingToken)));
                    if (!leadership.IsLeader)
                    {
                        await follower.RefreshAsync(stoppingToken);
                    }
                }
                else if (!bootstrapped)
                {
                    bootstrapped = true;
                    await BootstrapAsync(stoppingToken);
                }
                else if (await reindex.RunNextAsync(stoppingToken) is null)
                {
                    await leadership.WaitForWorkAsync(reindex.Wakeups, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: an unfinished job stays "running" and resumes on the next start.
        }
    }

    private async Task BootstrapAsync(CancellationToken stoppingToken)
    {
        try
        {
            await bootstrap.ResumeOrBootstrapAsync(corpus.Value.IndexOnStartWhenEmpty, stoppingToken);
        }
        catch (PassageIndexException ex)
        {
            logger.LogError(ex, "Checking the passage index on start failed: Qdrant is not reachable");
            status.Fail("Qdrant is not reachable, so the bundled corpus could not be indexed.");
        }
    }
}
