namespace Workbench.Core.Persistence;

/// <summary>One rater's scores of one item (a question and a pair of configurations), in the pair's terms.</summary>
public sealed class JudgementEntity
{
    public long Id { get; set; }

    public Guid CampaignId { get; set; }

    public int Item { get; set; }

    public required string Rater { get; set; }

    public int FirstVariant { get; set; }

    public int SecondVariant { get; set; }

    public required string FirstScoresJson { get; set; }

    public required string SecondScoresJson { get; set; }

    public int Preference { get; set; }

    public string? Comment { get; set; }

    public DateTime SubmittedAtUtc { get; set; }
}
