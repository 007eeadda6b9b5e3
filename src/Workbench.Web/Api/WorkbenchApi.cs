using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Workbench.Core.Answering;
using Workbench.Core.Ingestion;
using Workbench.Core.Persistence;
using Workbench.Core.Retrieval;
using Workbench.Web.Security;

namespace Workbench.Web.Api;

public sealed record Me(string Name, IReadOnlyList<string> Roles);

/// <summary>The REST API: ask, rate, read an answer back, who am I, health. Errors are RFC 7807 problem details.</summary>
public static class WorkbenchApi
{
    /// <summary>Flags by name only: Enum.TryParse would also take "4" or "-1".</summary>
    private static readonly Dictionary<string, RatingFlags> FlagNames =
        Enum.GetValues<RatingFlags>().Where(f => f != RatingFlags.None).ToDictionary(f => f.ToString(), StringComparer.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapWorkbenchApi(this IEndpointRouteBuilder app)
    {
        // Antiforgery is for forms; the API is called with JSON or multipart by scripts holding a token, or by the pages' own cookie under SameSite.
        var api = app.MapGroup("/api").WithTags("Workbench").DisableAntiforgery().WithMetadata(BodySizeLimit.Json);
        var clinician = api.MapGroup(string.Empty).RequireAuthorization(Policies.Clinician);
        clinician.MapPost("/ask", AskAsync).RequireRateLimiting(WebServiceCollectionExtensions.AskPolicy).WithName("Ask").WithSummary("Answer a clinical question with cited passages.");
        clinician.MapGet("/answers/{id:guid}", GetAnswerAsync).WithName("GetAnswer").WithSummary("An answer with the caller's latest rating (one's own answers, or any for evaluators, with every rater's).");
        clinician.MapPost("/answers/{id:guid}/ratings", RateAsync).WithName("RateAnswer").WithSummary("Rate an answer 1–5 with flags and a comment.");
        api.MapGet("/me", GetMe).RequireAuthorization().WithName("Me").WithSummary("Who the caller is signed in as, and their roles.");
        api.MapGet("/health", HealthAsync).AllowAnonymous().WithName("Health").WithSummary("Qdrant and database status; corpus problems for admins.");
        return app;
    }

    public static async Task<Results<Ok<AnswerResponse>, ValidationProblem, ProblemHttpResult>> AskAsync(
        AskApiRequest request, ClaimsPrincipal user, AnswerService answers, CancellationToken cancellationToken)
    {
        var filters = ToFilters(request.Filters, out var filterError);
        if (filterError is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["filters.type"] = [filterError] });
        }

        try
        {
            return TypedResults.Ok(AnswerResponse.From(await answers.AskAsync(new AskRequest(request.Question ?? string.Empty, request.TopK, filters), user.ToActor(Actor.ApiChannel), cancellationToken)));
        }
        catch (InvalidQuestionException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [ex.Field] = [ex.Message] });
        }
        catch (RetrievalUnavailableException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Retrieval unavailable");
        }
    }

    public static async Task<Results<Ok<AnswerWithRating>, ProblemHttpResult>> GetAnswerAsync(
        Guid id, ClaimsPrincipal user, AnswerStore store, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(id, user.UserId(), cancellationToken);
        if (stored is null || !await AnswerAccess.CanReadAsync(user, stored, authorization))
        {
            return AnswerNotFound(id);
        }

        var all = (await authorization.AuthorizeAsync(user, Policies.Evaluator)).Succeeded ? await store.ListRatingsAsync(id, cancellationToken) : null;
        return TypedResults.Ok(new AnswerWithRating(AnswerResponse.From(stored.Answer), stored.LatestRating is { } own ? RatingResponse.From(own) : null,
            all?.Select(r => new RaterRatingResponse(r.Rater, RatingResponse.From(r.Rating))).ToList()));
    }

    public static async Task<Results<Created<RatingResponse>, ValidationProblem, ProblemHttpResult>> RateAsync(
        Guid id, RatingApiRequest request, ClaimsPrincipal user, AnswerStore store, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var flags = RatingFlags.None;
        foreach (var name in request.Flags ?? [])
        {
            if (name is null || !FlagNames.TryGetValue(name.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal), out var flag))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["flags"] = [$"Unknown flag '{name}'. Use unsupportedClaim, unsafe, outdated or incomplete."],
                });
            }

            flags |= flag;
        }

        var input = new RatingInput(request.Score, flags, request.Comment);
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }

        if (await store.GetAsync(id, user.UserId(), cancellationToken) is not { } stored || !await AnswerAccess.CanReadAsync(user, stored, authorization))
        {
            return AnswerNotFound(id);
        }

        var rating = await store.AddRatingAsync(id, input, user.ToActor(Actor.ApiChannel), cancellationToken);
        return rating is null
            ? AnswerNotFound(id)
            : TypedResults.Created($"/api/answers/{id}", RatingResponse.From(rating));
    }

    public static Ok<Me> GetMe(ClaimsPrincipal user) => TypedResults.Ok(new Me(user.Identity?.Name ?? string.Empty, user.RoleNames()));

    public static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> HealthAsync(
        ClaimsPrincipal user, IPassageIndex index, DatabaseProbe database, IndexStatus status, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        long? passages = null;
        try
        {
            passages = await index.CountAsync(cancellationToken);
        }
        catch (PassageIndexException)
        {
            // Reported as unreachable below.
        }

        var databaseUp = await database.CanConnectAsync(cancellationToken);

        var healthy = passages is not null && databaseUp;
        var indexed = status.LastReport;
        // File names and redaction counts are for admins; load balancers and everyone else get the status only.
        var details = (await authorization.AuthorizeAsync(user, Policies.Admin)).Succeeded;
        var corpus = new CorpusHealth(status.State.ToString(), indexed?.Documents, indexed?.Passages,
            details ? indexed?.Problems ?? [] : [], details ? indexed?.Redactions ?? [] : []);
        var report = new HealthReport(healthy ? "Healthy" : "Unhealthy", new QdrantHealth(passages is not null, passages, index.Collection), new DatabaseHealth(databaseUp), corpus);
        return healthy ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static SearchFilters? ToFilters(AskFilters? filters, out string? error)
    {
        error = null;
        if (filters is null)
        {
            return null;
        }

        DocumentType? type = null;
        if (!string.IsNullOrWhiteSpace(filters.Type))
        {
            if (!DocumentTypes.TryParse(filters.Type, out var parsed))
            {
                error = "type must be 'guideline' or 'research'.";
                return null;
            }

            type = parsed;
        }

        return new SearchFilters(type, filters.Specialty, filters.YearFrom, filters.YearTo);
    }

    private static ProblemHttpResult AnswerNotFound(Guid id) =>
        TypedResults.Problem($"There is no answer with id {id}.", statusCode: StatusCodes.Status404NotFound, title: "Answer not found");
}
