using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workbench.Core.Persistence;

namespace Workbench.Core.Evaluation.Campaigns;

/// <summary>A campaign as its database row keeps it: configurations and raters stored as JSON, progress counted from its child rows.</summary>
internal static class StoredCampaign
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal static async Task<CampaignSummary> SummariseAsync(WorkbenchDbContext db, CampaignEntity campaign, CancellationToken cancellationToken)
    {
        var variants = Variants(campaign);
        var questions = await db.CampaignQuestions.CountAsync(q => q.CampaignId == campaign.Id, cancellationToken);
        var answers = await db.CampaignAnswers.CountAsync(a => a.CampaignId == campaign.Id, cancellationToken);
        var scored = await db.Judgements.Where(j => j.CampaignId == campaign.Id).GroupBy(j => j.Rater)
            .Select(g => new { Rater = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Rater, g => g.Count, cancellationToken);
        var items = questions * CampaignSummary.PairCount(variants.Count);
        var assigned = campaign.Overlap is null
            ? null
            : await db.CampaignAssignments.Where(a => a.CampaignId == campaign.Id).GroupBy(a => a.Rater)
                .Select(g => new { Rater = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Rater, g => g.Count, cancellationToken);
        var raters = Raters(campaign).Select(r => new RaterProgress(r, scored.GetValueOrDefault(r), assigned?.GetValueOrDefault(r) ?? items)).ToList();
        return new CampaignSummary(campaign.Id, campaign.Name, campaign.Status, campaign.Error, StoredTime.Utc(campaign.CreatedAtUtc),
            StoredTime.Utc(campaign.ClosedAtUtc), questions, variants, answers, questions * variants.Count, raters,
            campaign.Overlap, campaign.Guidelines, JsonSerializer.Deserialize<List<string>>(campaign.ExcludedRatersJson, Json) ?? [], campaign.CreatedByUserId);
    }

    internal static List<PipelineVariant> Variants(CampaignEntity campaign) =>
        JsonSerializer.Deserialize<List<PipelineVariant>>(campaign.VariantsJson, Json) ?? [];

    internal static List<string> Raters(CampaignEntity campaign) =>
        JsonSerializer.Deserialize<List<string>>(campaign.RatersJson, Json) ?? [];

    /// <summary>The rater's name as assigned (matched case-insensitively), or null when not assigned.</summary>
    internal static string? Rater(CampaignEntity campaign, string rater) =>
        Raters(campaign).FirstOrDefault(r => string.Equals(r, rater.Trim(), StringComparison.OrdinalIgnoreCase));
}
