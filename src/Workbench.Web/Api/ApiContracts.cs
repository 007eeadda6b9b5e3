using Workbench.Core.Domain;

namespace Workbench.Web.Api;

public sealed record AskFilters(string? Type, string? Specialty, int? YearFrom, int? YearTo);

public sealed record AskApiRequest(string? Question, int? TopK, AskFilters? Filters);

public sealed record RatingApiRequest(int Score, IReadOnlyList<string>? Flags, string? Comment);

public sealed record AnswerWithRating(AskResult Answer, AnswerRating? Rating);

public sealed record HealthReport(string Status, QdrantHealth Qdrant, DatabaseHealth Database);

public sealed record QdrantHealth(bool Reachable, long? Passages, string Collection);

public sealed record DatabaseHealth(bool Reachable);
