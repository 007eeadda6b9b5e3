using Microsoft.AspNetCore.Http.HttpResults;
using Workbench.Core.Evaluation.Campaigns;
using Workbench.Web.Security;

namespace Workbench.Web.Api;

public sealed record CampaignApiRequest(
    string? Name,
    IReadOnlyList<string?>? Configurations,
    IReadOnlyList<string?>? Raters,
    string? Questions,
    QuestionSetFormat? Format,
    int? RatersPerItem = null,
    IReadOnlyList<CheckItem>? Checks = null,
    string? Guidelines = null);

public sealed record RaterApiRequest(string? Rater);

public sealed record ExcludedRatersApiRequest(IReadOnlyList<string>? Raters);

public sealed record CampaignCreated(Guid Id);

/// <summary>A campaign with its progress and the planning figures the form shows.</summary>
public sealed record CampaignResponse(
    Guid Id,
    string Name,
    CampaignStatus Status,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt,
    int Questions,
    IReadOnlyList<PipelineVariant> Variants,
    int AnswersDone,
    int AnswersTotal,
    IReadOnlyList<RaterProgress> Raters,
    int? Overlap,
    string? Guidelines,
    IReadOnlyList<string> ExcludedRaters,
    string? OwnerUserId,
    int Items,
    int RatersPerItem,
    int JudgementsPerPair,
    int JudgementsNeededFor55)
{
    public static CampaignResponse From(CampaignSummary c) => new(
        c.Id, c.Name, c.Status, c.Error, c.CreatedAt, c.ClosedAt, c.Questions, c.Variants, c.AnswersDone, c.AnswersTotal, c.Raters, c.Overlap, c.Guidelines,
        c.ExcludedRaters, c.OwnerUserId, c.Items, c.RatersPerItem, c.JudgementsPerPair, c.JudgementsNeededFor55);
}

/// <summary>An item as a rater receives it: the question and two anonymous answers, and where it stands in the rater's order.</summary>
public sealed record BlindItemResponse(
    Guid CampaignId,
    string CampaignName,
    int Item,
    int Total,
    int Scored,
    string Question,
    BlindAnswer Left,
    BlindAnswer Right,
    BlindJudgement? Existing,
    int Position,
    int? Previous,
    int? Next)
{
    public static BlindItemResponse From(BlindItem b) =>
        new(b.CampaignId, b.CampaignName, b.Item, b.Total, b.Scored, b.Question, b.Left, b.Right, b.Existing, b.Position, b.Previous, b.Next);
}

/// <summary>
/// Evaluation campaigns for automation. What a rater receives (items) is blinded: no configuration, no
/// answer id. Results and exports exist only once the campaign is closed.
/// </summary>
public static class CampaignApi
{
    public static IEndpointRouteBuilder MapCampaignApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns").WithTags("Campaigns").DisableAntiforgery()
            .RequireAuthorization(Policies.Evaluator).WithMetadata(new BodySizeLimit(16 * 1024 * 1024));
        api.MapGet("/", ListAsync).WithName("ListCampaigns");
        api.MapPost("/", CreateAsync).WithName("CreateCampaign").WithSummary("Create a campaign from a question set; answers are generated in the background.");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetCampaign");
        var rater = api.MapGroup("/{id:guid}/raters/{rater}").AddEndpointFilter(AsSelfOnlyAsync);
        rater.MapGet("/items/next", NextItemAsync)
            .WithName("NextItem").WithSummary("The rater's next unscored item, blinded (with more than two configurations, one of the most informative pair); 204 when all are scored.");
        rater.MapGet("/items/{item:int}", GetItemAsync).WithName("GetItem");
        rater.MapPost("/judgements", SubmitAsync).WithName("SubmitJudgement");
        api.MapPost("/{id:guid}/close", CloseAsync).WithName("CloseCampaign").WithSummary("Close an open campaign (its owner or an admin) and reveal the results.");
        api.MapPost("/{id:guid}/retry", RetryAsync).WithName("RetryCampaign").WithSummary("Resume generating a failed campaign (its owner or an admin).");
        api.MapPost("/{id:guid}/raters", AddRaterAsync)
            .WithName("AddCampaignRater").WithSummary("Adds a rater (the campaign's owner or an admin); with fewer raters per item than raters, they take a share of the unscored work.");
        api.MapPut("/{id:guid}/excluded-raters", ExcludeRatersAsync)
            .WithName("ExcludeCampaignRaters").WithSummary("Raters left out of the results (the campaign's owner or an admin); the results JSON then also carries resultsWithEveryone.");
        api.MapGet("/{id:guid}/results", ResultsAsync)
            .WithName("CampaignResults").WithSummary("Results and every judgement as JSON (closed campaigns only); rater quality and check items only for the owner and admins.");
        api.MapGet("/{id:guid}/results.csv", ResultsCsvAsync).WithName("CampaignResultsCsv");
        api.MapGet("/{id:guid}/judgements.csv", JudgementsCsvAsync).WithName("CampaignJudgementsCsv");
        return app;
    }

    /// <summary>A rater scores as themselves only: the rater in the address must be the signed-in user.</summary>
    private static async ValueTask<object?> AsSelfOnlyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        RaterAccess.IsSelf(context.HttpContext.User, context.HttpContext.GetRouteValue("rater") as string)
            ? await next(context)
            : TypedResults.Problem("You can only fetch and score items as yourself.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    private static async Task<Ok<List<CampaignResponse>>> ListAsync(CampaignStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListAsync(cancellationToken)).Select(CampaignResponse.From).ToList());

    private static async Task<Results<Created<CampaignCreated>, ValidationProblem>> CreateAsync(
        CampaignApiRequest request, ClaimsPrincipal user, CampaignService campaigns, CancellationToken cancellationToken)
    {
        var nulls = new Dictionary<string, string[]>();
        foreach (var (field, names) in new[] { ("configurations", request.Configurations), ("raters", request.Raters) })
        {
            if (names?.Contains(null) == true)
            {
                nulls[field] = [$"{field} must be names, not null."];
            }
        }

        if (request.Format is { } format && !Enum.IsDefined(format))
        {
            nulls["format"] = ["format must be lines, csv, jsonl or pubMedQa."];
        }

        if (nulls.Count > 0)
        {
            return TypedResults.ValidationProblem(nulls);
        }

        var created = await campaigns.CreateAsync(new CampaignRequest(request.Name ?? string.Empty, [.. request.Configurations?.OfType<string>() ?? []], [.. request.Raters?.OfType<string>() ?? []],
            request.Questions ?? string.Empty, request.Format ?? QuestionSetFormat.Lines, request.RatersPerItem, request.Checks, request.Guidelines), user.ToActor(Actor.ApiChannel), cancellationToken);
        if (created.Id is { } id)
        {
            return TypedResults.Created($"/api/campaigns/{id}", new CampaignCreated(id));
        }

        var errors = created.Errors.ToDictionary(e => e.Key, e => new[] { e.Value });
        if (created.QuestionErrors.Count > 0)
        {
            errors["questions"] = [.. errors.GetValueOrDefault("questions") ?? [], .. created.QuestionErrors.Select(e => e.ToString())];
        }

        return TypedResults.ValidationProblem(errors);
    }

    private static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> GetAsync(Guid id, CampaignStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } campaign ? TypedResults.Ok(CampaignResponse.From(campaign)) : NotFound(id);

    private static Task<Results<Ok<BlindItemResponse>, NoContent, ProblemHttpResult>> NextItemAsync(Guid id, string rater, CampaignStore store, CancellationToken cancellationToken) =>
        ItemAsync(id, rater, null, store, cancellationToken);

    private static Task<Results<Ok<BlindItemResponse>, NoContent, ProblemHttpResult>> GetItemAsync(Guid id, string rater, int item, CampaignStore store, CancellationToken cancellationToken) =>
        ItemAsync(id, rater, item, store, cancellationToken);

    private static async Task<Results<Ok<BlindItemResponse>, NoContent, ProblemHttpResult>> ItemAsync(Guid id, string rater, int? item, CampaignStore store, CancellationToken cancellationToken)
    {
        if (await store.GetItemAsync(id, rater, item, cancellationToken) is { } blind)
        {
            return TypedResults.Ok(BlindItemResponse.From(blind));
        }

        var campaign = await store.GetAsync(id, cancellationToken);
        if (campaign is null || campaign.Raters.All(r => !string.Equals(r.Rater, rater, StringComparison.OrdinalIgnoreCase)))
        {
            return TypedResults.Problem($"Campaign {id} does not exist or '{rater}' is not one of its raters.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        if (campaign.Status != Core.Evaluation.Campaigns.CampaignStatus.Open)
        {
            return NotInState(id, "open");
        }

        return item is null ? TypedResults.NoContent() : TypedResults.Problem($"The campaign has no item {item}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        Guid id, JudgementInput input, ClaimsPrincipal user, CampaignStore store, CancellationToken cancellationToken)
    {
        var result = await store.SubmitAsync(id, user.ToActor(Actor.ApiChannel), input, cancellationToken);
        var message = string.Join(" ", result.Errors.Values);
        return result.Outcome switch
        {
            SubmitOutcome.Saved => TypedResults.NoContent(),
            SubmitOutcome.Invalid => TypedResults.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value })),
            SubmitOutcome.NotOpen => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict, title: "Campaign not open"),
            _ => TypedResults.Problem(message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> CloseAsync(Guid id, ClaimsPrincipal user, CampaignService campaigns, CancellationToken cancellationToken) =>
        Changed(id, "open", await campaigns.CloseAsync(id, user.ToActor(Actor.ApiChannel), user.IsInRole(Roles.Admin), cancellationToken), TypedResults.NoContent());

    private static async Task<Results<Accepted, ProblemHttpResult>> RetryAsync(Guid id, ClaimsPrincipal user, CampaignService campaigns, CancellationToken cancellationToken) =>
        Changed(id, "failed", await campaigns.RetryAsync(id, user.ToActor(Actor.ApiChannel), user.IsInRole(Roles.Admin), cancellationToken), TypedResults.Accepted($"/api/campaigns/{id}"));

    private static async Task<Results<NoContent, ProblemHttpResult>> AddRaterAsync(
        Guid id, RaterApiRequest request, ClaimsPrincipal user, CampaignService campaigns, CancellationToken cancellationToken) =>
        await campaigns.AddRaterAsync(id, request.Rater ?? string.Empty, user.ToActor(Actor.ApiChannel), user.IsInRole(Roles.Admin), cancellationToken) switch
        {
            CampaignChange.NotInState => TypedResults.Problem($"Campaign {id} is closed or missing, or the rater is already assigned or not a valid name.", statusCode: StatusCodes.Status409Conflict, title: "Rater not added"),
            var change => Changed(id, "open", change, TypedResults.NoContent()),
        };

    private static async Task<Results<NoContent, ProblemHttpResult>> ExcludeRatersAsync(
        Guid id, ExcludedRatersApiRequest request, ClaimsPrincipal user, CampaignService campaigns, CancellationToken cancellationToken) =>
        await campaigns.ExcludeRatersAsync(id, request.Raters ?? [], user.ToActor(Actor.ApiChannel), user.IsInRole(Roles.Admin), cancellationToken) switch
        {
            CampaignChange.NotInState => NotFound(id),
            var change => Changed(id, "open", change, TypedResults.NoContent()),
        };

    private static Task<Results<ContentHttpResult, ProblemHttpResult>> ResultsAsync(Guid id, ClaimsPrincipal user, CampaignService campaigns, CancellationToken cancellationToken) =>
        ExportAsync(id, user, campaigns, o => TypedResults.Text(o.Json, "application/json"), cancellationToken);

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> ResultsCsvAsync(Guid id, ClaimsPrincipal user, CampaignService campaigns, CancellationToken cancellationToken) =>
        ExportAsync(id, user, campaigns, o => Csv(o.ResultsCsv, $"campaign-{id:N}-results.csv"), cancellationToken);

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> JudgementsCsvAsync(Guid id, ClaimsPrincipal user, CampaignService campaigns, CancellationToken cancellationToken) =>
        ExportAsync(id, user, campaigns, o => Csv(o.JudgementsCsv, $"campaign-{id:N}-judgements.csv"), cancellationToken);

    private static async Task<Results<TResult, ProblemHttpResult>> ExportAsync<TResult>(
        Guid id, ClaimsPrincipal user, CampaignService campaigns, Func<CampaignOutcome, TResult> render, CancellationToken cancellationToken)
        where TResult : IResult =>
        await campaigns.GetResultsAsync(id, cancellationToken) is { } outcome
            ? render(outcome.For(user.UserId(), user.Identity?.Name, user.IsInRole(Roles.Admin)))
            : NotInState(id, "closed");

    private static FileContentHttpResult Csv(string content, string fileName) =>
        TypedResults.File(System.Text.Encoding.UTF8.GetBytes(content), "text/csv; charset=utf-8", fileName);

    private static Results<TDone, ProblemHttpResult> Changed<TDone>(Guid id, string state, CampaignChange change, TDone done)
        where TDone : IResult => change switch
    {
        CampaignChange.Done => done,
        CampaignChange.NotAllowed => TypedResults.Problem("Only the campaign's owner or an admin can do this.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
        _ => NotInState(id, state),
    };

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem($"There is no campaign with id {id}.", statusCode: StatusCodes.Status404NotFound, title: "Campaign not found");

    private static ProblemHttpResult NotInState(Guid id, string state) =>
        TypedResults.Problem($"Campaign {id} does not exist or is not {state}.", statusCode: StatusCodes.Status409Conflict, title: $"Campaign not {state}");
}
