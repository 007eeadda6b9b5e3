using Workbench.Core.Evaluation.Campaigns;
using Workbench.Core.Indexing;

namespace Workbench.Core.Persistence;

public sealed class AnswerEntity
{
    public Guid Id { get; set; }

    public required string Question { get; set; }

    public required string Text { get; set; }

    public bool Abstained { get; set; }

    public string? AbstentionReason { get; set; }

    /// <summary>Sentences with their citation numbers, as JSON: they are only ever read whole.</summary>
    public required string SentencesJson { get; set; }

    public required string PipelineName { get; set; }

    public int PipelineVersion { get; set; }

    public required string PipelineJson { get; set; }

    /// <summary>The passages retrieval returned, as JSON, for the "why this answer" panel.</summary>
    public string? RetrievedJson { get; set; }

    /// <summary>A notice shown with the answer, e.g. that the language model failed and passages were quoted instead.</summary>
    public string? Notice { get; set; }

    public double EmbedMs { get; set; }

    public double RetrieveMs { get; set; }

    public double ComposeMs { get; set; }

    public DateTime AskedAtUtc { get; set; }

    /// <summary>Asked by a clinician, or generated for an evaluation campaign (kept out of the ask history).</summary>
    public AnswerOrigin Origin { get; set; }

    /// <summary>The user who asked; null for campaign answers and for answers from before sign-in existed.</summary>
    public string? AskedByUserId { get; set; }

    public List<CitationEntity> Citations { get; set; } = [];

    public List<RatingEntity> Ratings { get; set; } = [];
}

public enum AnswerOrigin
{
    Ask = 0,
    Campaign = 1,
}

public enum CitationKind
{
    Cited = 0,
    Closest = 1,
}

public sealed class CitationEntity
{
    public long Id { get; set; }

    public Guid AnswerId { get; set; }

    public CitationKind Kind { get; set; }

    public int Number { get; set; }

    public required string PassageId { get; set; }

    public required string DocumentId { get; set; }

    public required string Heading { get; set; }

    public required string Quote { get; set; }

    public double Score { get; set; }

    public required string Title { get; set; }

    public required string Organisation { get; set; }

    public int? Year { get; set; }

    public required string DocumentType { get; set; }

    public required string Specialty { get; set; }

    public string? Url { get; set; }
}

public sealed class RatingEntity
{
    public Guid Id { get; set; }

    public Guid AnswerId { get; set; }

    public int Score { get; set; }

    public int Flags { get; set; }

    public string? Comment { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The user who rated; null for ratings from before sign-in existed.</summary>
    public string? RatedByUserId { get; set; }
}

/// <summary>One retriever's scores in one evaluation run.</summary>
public sealed class EvaluationResultEntity
{
    public long Id { get; set; }

    public Guid RunId { get; set; }

    public required string Dataset { get; set; }

    public DateTime RanAtUtc { get; set; }

    public required string Retriever { get; set; }

    public required string EmbeddingModel { get; set; }

    public int ChunkTokens { get; set; }

    public int OverlapTokens { get; set; }

    public int Documents { get; set; }

    public int Passages { get; set; }

    public int Questions { get; set; }

    public double Recall1 { get; set; }

    public double Recall5 { get; set; }

    public double Recall10 { get; set; }

    public double Mrr10 { get; set; }

    public double Ndcg10 { get; set; }

    public double P50Ms { get; set; }

    public double P95Ms { get; set; }
}

/// <summary>One composer's answer-quality scores in one answer evaluation run.</summary>
public sealed class AnswerEvaluationResultEntity
{
    public long Id { get; set; }

    public Guid RunId { get; set; }

    public required string Dataset { get; set; }

    public DateTime RanAtUtc { get; set; }

    public required string Composer { get; set; }

    public bool IsDefault { get; set; }

    public int Questions { get; set; }

    public int Probed { get; set; }

    public int Passages { get; set; }

    public double RougeLF1 { get; set; }

    public double TokenF1 { get; set; }

    public double GoldCitationRate { get; set; }

    public double CitationPrecision { get; set; }

    public double SupportedShare { get; set; }

    public double WordsP50 { get; set; }

    public double AbstentionRecall { get; set; }

    public double FalseAbstention { get; set; }

    public double P50Ms { get; set; }

    public double P95Ms { get; set; }
}

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

public sealed class CampaignQuestionEntity
{
    public long Id { get; set; }

    public Guid CampaignId { get; set; }

    public int Ordinal { get; set; }

    public required string Text { get; set; }

    /// <summary>Set on check questions: the expected outcome ("bothBad", "tie" or the configuration that should win). Never sent to raters.</summary>
    public string? CheckExpected { get; set; }
}

/// <summary>One item given to one rater, when the campaign has fewer raters per item than raters.</summary>
public sealed class CampaignAssignmentEntity
{
    public long Id { get; set; }

    public Guid CampaignId { get; set; }

    public int Item { get; set; }

    public required string Rater { get; set; }
}

/// <summary>Which stored answer one configuration gave to one campaign question.</summary>
public sealed class CampaignAnswerEntity
{
    public long Id { get; set; }

    public Guid CampaignId { get; set; }

    public int QuestionOrdinal { get; set; }

    public int VariantIndex { get; set; }

    public Guid AnswerId { get; set; }
}

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

/// <summary>A reindex job and its checkpoint: the version it builds and how far it got.</summary>
public sealed class ReindexJobEntity
{
    public Guid Id { get; set; }

    public ReindexMode Mode { get; set; }

    public ReindexStatus Status { get; set; }

    public required string RequestedBy { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? StartedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>The collection being written; set before the first write, so a restart resumes into it.</summary>
    public string? TargetCollection { get; set; }

    public string? PreviousCollection { get; set; }

    public int DocumentsTotal { get; set; }

    public int DocumentsDone { get; set; }

    public int PassagesDone { get; set; }

    public int Embedded { get; set; }

    /// <summary>How many times the job was picked up again after the process stopped mid-way.</summary>
    public int Resumes { get; set; }

    public string? Message { get; set; }

    /// <summary>Problems met on the way (skipped files, failures), as JSON: only ever read whole.</summary>
    public string ErrorsJson { get; set; } = "[]";

    /// <summary>Cancel asked for from any instance; the instance running the job stops at its next batch.</summary>
    public bool CancelRequested { get; set; }
}

/// <summary>One entry of the audit trail; rows are only ever inserted.</summary>
public sealed class AuditEventEntity
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public string? UserId { get; set; }

    public required string Actor { get; set; }

    public required string Channel { get; set; }

    public required string Action { get; set; }

    public string? Target { get; set; }

    public string? Detail { get; set; }
}

/// <summary>A user's API token: its SHA-256 and a short prefix to recognise it by, never the secret.</summary>
public sealed class ApiTokenEntity
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    public required string Prefix { get; set; }

    public required string Hash { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ExpiresAtUtc { get; set; }

    public DateTime? LastUsedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }
}

/// <summary>
/// A data-protection key ring entry (what sign-in cookies and antiforgery tokens are protected with),
/// kept in the database so that every web instance reads the same keys.
/// </summary>
public sealed class DataProtectionKeyEntity
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}

/// <summary>A named lease: which instance does a piece of work (background jobs) until when.</summary>
public sealed class LeaseEntity
{
    public required string Name { get; set; }

    public required string Holder { get; set; }

    public DateTime ExpiresAtUtc { get; set; }
}
