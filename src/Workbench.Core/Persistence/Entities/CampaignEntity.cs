using Workbench.Core.Evaluation.Campaigns;

namespace Workbench.Core.Persistence;

public sealed class CampaignEntity
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public CampaignStatus Status { get; set; }

    public string? Error { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>Who created the campaign, the only evaluator who may close or retry it (admins may too); null for campaigns from before owners were kept.</summary>
    public string? CreatedByUserId { get; set; }

    /// <summary>Secret from which each rater's left/right layout is derived; never sent to raters.</summary>
    public required string BlindingSeed { get; set; }

    /// <summary>The compared configurations, in order, as JSON: a snapshot, so later config edits do not rewrite history.</summary>
    public required string VariantsJson { get; set; }

    public required string RatersJson { get; set; }

    /// <summary>Raters per item; null when every rater scores every item (then no assignment rows exist).</summary>
    public int? Overlap { get; set; }

    /// <summary>The owner's guidelines for raters, as Markdown (rendered without raw HTML).</summary>
    public string? Guidelines { get; set; }

    /// <summary>Raters left out of the results (as JSON), e.g. for failing check items; their judgements are kept.</summary>
    public string ExcludedRatersJson { get; set; } = "[]";

    public List<CampaignQuestionEntity> Questions { get; set; } = [];

    public List<CampaignAnswerEntity> Answers { get; set; } = [];

    public List<JudgementEntity> Judgements { get; set; } = [];
}
