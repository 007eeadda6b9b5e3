namespace Workbench.Core.Persistence;

/// <summary>One item given to one rater, when the campaign has fewer raters per item than raters.</summary>
public sealed class CampaignAssignmentEntity
{
    public long Id { get; set; }

    public Guid CampaignId { get; set; }

    public int Item { get; set; }

    public required string Rater { get; set; }
}
