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
