using Microsoft.Extensions.Hosting;
using Workbench.Core.Evaluation.Campaigns;

namespace Workbench.Core.Hosting;

/// <summary>
/// Generates campaign answers in the background, one campaign at a time, on the instance that holds the
/// background-work lease; campaigns created on any instance (or left unfinished by a stop) are found in
/// the database.
/// </summary>
public sealed class CampaignGenerationService(
    CampaignGenerator generator, CampaignStore store, BackgroundLeadership leadership, ILogger<CampaignGenerationService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await leadership.WaitUntilLeaderAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var pending = leadership.IsLeader ? await store.ListGeneratingAsync(stoppingToken) : [];
                foreach (var id in pending)
                {
                    try
                    {
                        await generator.GenerateAsync(id, stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // One campaign's unexpected failure must not stop the others; it can be retried from its page.
                        logger.LogError(ex, "Generating answers for campaign {Campaign} failed", id);
                        await store.SetStatusAsync(id, CampaignStatus.Failed, "Generating the answers failed unexpectedly; answers generated so far are kept. Retry, and tell an admin if it fails again.", CancellationToken.None);
                    }
                }

                await leadership.WaitForWorkAsync(generator.Pending, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what was generated is stored; the rest resumes on the next start.
        }
    }
}
