namespace Workbench.Core.Persistence;

public sealed class CampaignQuestionEntity
{
    public long Id { get; set; }

    public Guid CampaignId { get; set; }

    public int Ordinal { get; set; }

    public required string Text { get; set; }

    /// <summary>Set on check questions: the expected outcome ("bothBad", "tie" or the configuration that should win). Never sent to raters.</summary>
    public string? CheckExpected { get; set; }
}
