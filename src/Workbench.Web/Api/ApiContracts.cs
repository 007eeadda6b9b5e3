namespace Workbench.Web.Api;

public sealed record AskFilters(string? Type, string? Specialty, int? YearFrom, int? YearTo);

public sealed record AskApiRequest(string? Question, int? TopK, AskFilters? Filters);

public sealed record RatingApiRequest(int Score, IReadOnlyList<string?>? Flags, string? Comment);

/// <summary>An answer: cited sentences, or an abstention that shows the closest passages instead.</summary>
public sealed record AnswerResponse(
    Guid AnswerId,
    string Question,
    IReadOnlyList<AnswerSentence> Sentences,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<Citation> ClosestPassages,
    bool Abstained,
    string? AbstentionReason,
    AskTimings Timings,
    PipelineConfiguration Pipeline,
    DateTimeOffset AskedAt,
    IReadOnlyList<RetrievedSummary>? Retrieved,
    string? Notice,
    string Text)
{
    public static AnswerResponse From(AskResult a) => new(
        a.AnswerId, a.Question, a.Sentences, a.Citations, a.ClosestPassages, a.Abstained, a.AbstentionReason, a.Timings, a.Pipeline, a.AskedAt, a.Retrieved, a.Notice, a.Text);
}

public sealed record RatingResponse(Guid Id, Guid AnswerId, int Score, RatingFlags Flags, string? Comment, DateTimeOffset CreatedAt)
{
    public static RatingResponse From(AnswerRating r) => new(r.Id, r.AnswerId, r.Score, r.Flags, r.Comment, r.CreatedAt);
}

/// <summary>One rater's latest rating; no rater for ratings from before sign-in.</summary>
public sealed record RaterRatingResponse(string? Rater, RatingResponse Rating);

/// <summary>An answer with the caller's own latest rating and, for evaluators and admins, every rater's latest.</summary>
public sealed record AnswerWithRating(AnswerResponse Answer, RatingResponse? Rating, IReadOnlyList<RaterRatingResponse>? Ratings);

public sealed record HealthReport(string Status, QdrantHealth Qdrant, DatabaseHealth Database, CorpusHealth Corpus);

/// <summary>
/// The last indexing of the bundled corpus: every file that was skipped and why, and per document the
/// kinds and counts of identifiers de-identified (never the values).
/// </summary>
public sealed record CorpusHealth(
    string State,
    int? Documents,
    int? Passages,
    IReadOnlyList<Workbench.Core.Ingestion.IngestionProblem> Skipped,
    IReadOnlyList<Workbench.Core.Deidentification.DocumentRedactions> Deidentified);

public sealed record QdrantHealth(bool Reachable, long? Passages, string Collection);

public sealed record DatabaseHealth(bool Reachable);
