using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workbench.Core.Evaluation.Campaigns;
using Workbench.Core.Persistence;

namespace Workbench.Core.Hosting;

/// <summary>Generates campaign answers in the background, one campaign at a time; resumes unfinished ones on start.</summary>
public sealed class CampaignGenerationService(CampaignGenerator generator, CampaignStore store, ILogger<CampaignGenerationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var id in await store.ListGeneratingAsync(stoppingToken))
        {
            generator.Enqueue(id);
        }

        try
        {
            await foreach (var id in generator.Pending.ReadAllAsync(stoppingToken))
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
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what was generated is stored; the rest resumes on the next start.
        }
    }
}
