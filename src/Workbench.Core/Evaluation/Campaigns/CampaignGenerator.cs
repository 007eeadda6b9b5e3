using System.Threading.Channels;
using Workbench.Core.Answering;
using Workbench.Core.Telemetry;

namespace Workbench.Core.Evaluation.Campaigns;

/// <summary>
/// Generates every configuration's answer to every campaign question through the same ask pipeline the
/// clinicians use. Each answer is stored as soon as it exists, so a restart or a failure resumes with
/// what is missing; the campaign opens for scoring only when all are there.
/// </summary>
public sealed class CampaignGenerator(AskPipeline pipeline, CampaignStore store, ILogger<CampaignGenerator> logger)
{
    private readonly Channel<Guid> queue = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Campaigns created on this instance: they wake the background service early (it finds them in the database).</summary>
    public ChannelReader<Guid> Pending => queue.Reader;

    public void Enqueue(Guid campaignId) => queue.Writer.TryWrite(campaignId);

    public async Task GenerateAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        using var span = WorkbenchTelemetry.Source.StartActivity(WorkbenchTelemetry.Spans.CampaignGeneration);
        span?.SetTag(WorkbenchTelemetry.Attributes.Campaign, campaignId.ToString());
        try
        {
            // One span per answer: the ask's own trace nests inside it, its save included.
            foreach (var (question, text, variantIndex, variant) in await store.ListMissingAnswersAsync(campaignId, cancellationToken))
            {
                using var item = WorkbenchTelemetry.Source.StartActivity(WorkbenchTelemetry.Spans.CampaignAnswer);
                item?.SetTag(WorkbenchTelemetry.Attributes.Variant, variant.Name);
                await pipeline.AskAsync(new AskRequest(text, Variant: variant), cancellationToken,
                    keep: (answer, cancel) => store.AddAnswerAsync(campaignId, question, variantIndex, answer, cancel));
            }

            await store.SetStatusAsync(campaignId, CampaignStatus.Open, cancellationToken: cancellationToken);
            logger.LogInformation("Campaign {Campaign} is open for scoring", campaignId);
        }
        catch (Exception ex) when (ex is RetrievalUnavailableException or InvalidQuestionException)
        {
            WorkbenchTelemetry.Failed(span, ex);
            logger.LogWarning("Generating answers for campaign {Campaign} stopped: {Reason}", campaignId, ex.Message);
            await store.SetStatusAsync(campaignId, CampaignStatus.Failed, $"{ex.Message} Answers generated so far are kept; retry to continue.", CancellationToken.None);
        }
    }
}
