namespace Workbench.Core.Persistence;

/// <summary>Which stored answer one configuration gave to one campaign question.</summary>
public sealed class CampaignAnswerEntity
{
    public long Id { get; set; }

    public Guid CampaignId { get; set; }

    public int QuestionOrdinal { get; set; }

    public int VariantIndex { get; set; }

    public Guid AnswerId { get; set; }
}
