using Microsoft.Extensions.Hosting;
using Workbench.Core.Evaluation.Campaigns;

namespace Workbench.Core.Hosting;

/// <summary>Generates campaign answers in the background, one campaign at a time; resumes unfinished ones on start.</summary>
public sealed class CampaignGenerationService(CampaignGenerator generator, CampaignStore store) : BackgroundService
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
                await generator.GenerateAsync(id, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what was generated is stored; the rest resumes on the next start.
        }
    }
}
