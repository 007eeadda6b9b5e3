using Microsoft.EntityFrameworkCore;
using Workbench.Core.Persistence;

namespace Workbench.Core.Evaluation.Campaigns;

/// <summary>What a rater is given to score: the items of their queue, in their own order, and which pair is most informative next.</summary>
internal static class RaterQueue
{
    /// <summary>The campaign's pairs from the most to the least informative, judged on every rater's judgements so far.</summary>
    internal static async Task<IReadOnlyList<int>> PairPriorityAsync(WorkbenchDbContext db, CampaignEntity campaign, int variants, CancellationToken cancellationToken)
    {
        // One pair: nothing to choose between, so no ranking is fitted.
        if (variants <= 2)
        {
            return [0];
        }

        // Check items measure raters, not configurations: they do not move the ranking.
        var pairs = CampaignSummary.PairCount(variants);
        var checks = campaign.Questions.Where(q => q.CheckExpected is not null).Select(q => q.Ordinal).ToHashSet();
        var judgements = await db.Judgements.AsNoTracking().Where(j => j.CampaignId == campaign.Id)
            .Select(j => new { j.Item, j.FirstVariant, j.SecondVariant, j.Preference }).ToListAsync(cancellationToken);
        return PairChoice.Priority(variants, judgements.Where(j => !checks.Contains(j.Item / pairs))
            .Select(j => (j.FirstVariant, j.SecondVariant, (PairPreference)j.Preference)).ToList());
    }

    /// <summary>The rater's items in their own order: all items, or their assignments when the campaign has an overlap.</summary>
    internal static async Task<List<int>> QueueAsync(WorkbenchDbContext db, CampaignEntity campaign, string rater, CancellationToken cancellationToken)
    {
        var items = campaign.Overlap is null
            ? Enumerable.Range(0, campaign.Questions.Count * CampaignSummary.PairCount(StoredCampaign.Variants(campaign).Count)).ToList()
            : await db.CampaignAssignments.Where(a => a.CampaignId == campaign.Id && a.Rater == rater).Select(a => a.Item).ToListAsync(cancellationToken);
        return [.. CampaignAssignment.Queue(items, rater, campaign.BlindingSeed)];
    }
}
