using Workbench.Core.Domain;
using Workbench.Core.Answering;

namespace Workbench.Web.Api;

public sealed record AskFilters(string? Type, string? Specialty, int? YearFrom, int? YearTo);

public sealed record AskApiRequest(string? Question, int? TopK, AskFilters? Filters);

public sealed record RatingApiRequest(int Score, IReadOnlyList<string?>? Flags, string? Comment);

/// <summary>An answer with the caller's own latest rating and, for evaluators and admins, every rater's latest.</summary>
public sealed record AnswerWithRating(AskResult Answer, AnswerRating? Rating, IReadOnlyList<RaterRating>? Ratings);

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
