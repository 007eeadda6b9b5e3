using Microsoft.AspNetCore.Http.HttpResults;
using Workbench.Core.Deidentification;
using Workbench.Core.Indexing;
using Workbench.Core.Ingestion.Uploads;
using Workbench.Core.Retrieval;
using Workbench.Web.Security;

namespace Workbench.Web.Api;

public sealed record ReindexApiRequest(ReindexMode? Mode);

public sealed record RolesApiRequest(IReadOnlyList<string>? Roles);

public sealed record AllowListApiRequest(IReadOnlyList<string>? Terms);

public sealed record AllowListApiResponse(string File, IReadOnlyList<string> Terms);

/// <summary>What became of one uploaded file: its documents and what was de-identified in them, or why it was refused.</summary>
public sealed record UploadResponse(string FileName, UploadOutcome Outcome, string Message, int Documents, IReadOnlyList<DocumentRedactions> Redactions)
{
    public static UploadResponse From(UploadResult r) => new(r.FileName, r.Outcome, r.Message, r.Documents, r.Redactions);
}

/// <summary>An uploaded document's redactions in context; no contexts when it was stored before they were kept.</summary>
public sealed record UploadRedactionsResponse(string DocumentId, IReadOnlyList<RedactionContext>? Contexts);

public sealed record ReindexJobResponse(
    Guid Id,
    ReindexMode Mode,
    ReindexStatus Status,
    string RequestedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? TargetCollection,
    string? PreviousCollection,
    int DocumentsTotal,
    int DocumentsDone,
    int PassagesDone,
    int Embedded,
    int Resumes,
    string? Message,
    IReadOnlyList<string> Errors,
    bool Active,
    TimeSpan? Duration)
{
    public static ReindexJobResponse From(ReindexJob j) => new(
        j.Id, j.Mode, j.Status, j.RequestedBy, j.CreatedAt, j.StartedAt, j.FinishedAt, j.TargetCollection, j.PreviousCollection,
        j.DocumentsTotal, j.DocumentsDone, j.PassagesDone, j.Embedded, j.Resumes, j.Message, j.Errors, j.Active, j.Duration);
}

public sealed record CorpusResponse(
    string? LiveCollection,
    long Passages,
    long Documents,
    IReadOnlyDictionary<string, long> DocumentsByType,
    IReadOnlyDictionary<string, long> DocumentsBySpecialty,
    DateTimeOffset? LastIndexed,
    IReadOnlyList<IndexVersion> Versions,
    IReadOnlyList<string> Uploads)
{
    public static CorpusResponse From(CorpusOverview o) =>
        new(o.LiveCollection, o.Passages, o.Documents, o.DocumentsByType, o.DocumentsBySpecialty, o.LastIndexed, o.Versions, o.Uploads);
}

public sealed record AuditPageResponse(IReadOnlyList<AuditEvent> Events, int Total);

public sealed record UserResponse(string Id, string UserName, string? Email, IReadOnlyList<string> Roles, DateTimeOffset? LockedUntil, int FailedSignIns, IReadOnlyList<string> ExternalLogins)
{
    public static UserResponse From(UserSummary u) => new(u.Id, u.UserName, u.Email, u.Roles, u.LockedUntil, u.FailedSignIns, u.ExternalLogins);
}

/// <summary>
/// Administration for automation (admins only): upload documents and see their redactions in context, edit the allow list, start, watch and cancel reindex jobs,
/// roll back, see what is indexed, read and export the audit trail, list users and set their roles.
/// </summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").WithTags("Admin").DisableAntiforgery().RequireAuthorization(Policies.Admin);
        var uploadLimit = new BodySizeLimit(app.ServiceProvider.GetRequiredService<IOptions<AdminOptions>>().Value.MaxUploadRequestBytes);
        api.MapPost("/documents", UploadAsync).RequireRateLimiting(WebServiceCollectionExtensions.UploadPolicy).WithMetadata(uploadLimit)
            .WithName("UploadDocuments").WithSummary("Upload documents (multipart form, field 'files'); per-file outcome.");
        var json = api.MapGroup(string.Empty).WithMetadata(BodySizeLimit.Json);
        json.MapPost("/reindex", StartReindexAsync).WithName("Reindex").WithSummary("Start a reindex: mode full (new version, then switch) or changed (in place).");
        json.MapPost("/rollback", RollbackAsync).WithName("Rollback").WithSummary("Serve the previous index version again.");
        api.MapGet("/jobs", ListJobsAsync).WithName("ListJobs");
        api.MapGet("/jobs/{id:guid}", GetJobAsync).WithName("GetJob").WithSummary("A job with its live progress while it runs.");
        json.MapPost("/jobs/{id:guid}/cancel", CancelJobAsync).WithName("CancelJob");
        api.MapGet("/corpus", CorpusAsync).WithName("Corpus").WithSummary("The live index version, counts by type and specialty, versions kept, uploads.");
        api.MapGet("/redactions", Redactions)
            .WithName("UploadRedactions").WithSummary("Each uploaded document's redactions in context: the kind and the de-identified words around it, never the value.");
        api.MapGet("/allow-list", AllowList).WithName("AllowList").WithSummary("The terms never redacted (Deidentification:AllowListFile).");
        json.MapPut("/allow-list", SetAllowListAsync)
            .WithName("SetAllowList").WithSummary("Replace the terms never redacted; applies from the next upload and reindex; audited.");
        api.MapGet("/audit", AuditAsync).WithName("Audit").WithSummary("The audit trail, newest first, filtered and paged (skip, take ≤ 1000).");
        api.MapGet("/audit.csv", ExportAuditCsvAsync).WithName("AuditCsv").WithSummary("Every entry matching the filters as CSV.");
        api.MapGet("/audit.json", ExportAuditJsonAsync).WithName("AuditJson").WithSummary("Every entry matching the filters as JSON.");
        api.MapGet("/users", ListUsersAsync).WithName("ListUsers");
        json.MapPut("/users/{userName}/roles", SetRolesAsync).WithName("SetRoles").WithSummary("Replace a user's roles (Clinician, Evaluator, Admin).");
        return app;
    }

    /// <summary>Audit filters from the query string: from and to (ISO 8601), actor, action, skip, take.</summary>
    public sealed record AuditApiQuery(DateTimeOffset? From, DateTimeOffset? To, string? Actor, string? Action, int? Skip, int? Take)
    {
        public AuditQuery ToQuery(int? take = null) => new(From, To, Actor, Action, Skip ?? 0, take ?? Math.Clamp(Take ?? 100, 1, 1000));
    }

    private static async Task<Ok<AuditPageResponse>> AuditAsync([AsParameters] AuditApiQuery query, AuditTrail audit, CancellationToken cancellationToken)
    {
        var page = await audit.QueryAsync(query.ToQuery(), cancellationToken);
        return TypedResults.Ok(new AuditPageResponse(page.Events, page.Total));
    }

    private static Task<FileContentHttpResult> ExportAuditCsvAsync(ClaimsPrincipal user, [AsParameters] AuditApiQuery query, AuditTrail audit, CancellationToken cancellationToken) =>
        ExportAuditAsync(user, query, audit, "csv", AuditTrail.ToCsv, "text/csv; charset=utf-8", cancellationToken);

    private static Task<FileContentHttpResult> ExportAuditJsonAsync(ClaimsPrincipal user, [AsParameters] AuditApiQuery query, AuditTrail audit, CancellationToken cancellationToken) =>
        ExportAuditAsync(user, query, audit, "json", AuditTrail.ToJson, "application/json", cancellationToken);

    private static async Task<FileContentHttpResult> ExportAuditAsync(
        ClaimsPrincipal user, AuditApiQuery query, AuditTrail audit, string format, Func<IReadOnlyList<AuditEvent>, string> render, string contentType, CancellationToken cancellationToken)
    {
        var page = await audit.QueryAsync(query.ToQuery(AuditTrail.MaxExport), cancellationToken);
        await audit.RecordAsync(user.ToActor(Actor.ApiChannel), AuditActions.AuditExported, format, $"{page.Events.Count} entries", cancellationToken);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(render(page.Events)), contentType, $"audit-{stamp}.{format}");
    }

    private static async Task<Ok<List<UserResponse>>> ListUsersAsync(UserAdministration users, CancellationToken cancellationToken) =>
        TypedResults.Ok((await users.ListAsync(cancellationToken)).Select(UserResponse.From).ToList());

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetRolesAsync(
        string userName, RolesApiRequest request, ClaimsPrincipal user, UserAdministration users, CancellationToken cancellationToken)
    {
        var targetId = await users.FindIdByNameAsync(userName);
        if (targetId is null)
        {
            return TypedResults.Problem($"There is no user '{userName}'.", statusCode: StatusCodes.Status404NotFound, title: "User not found");
        }

        var roles = new List<string>();
        foreach (var name in request.Roles ?? [])
        {
            if (!Roles.TryNormalise(name, out var role))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["roles"] = [$"Unknown role '{name}'. Use Clinician, Evaluator or Admin."] });
            }

            roles.Add(role);
        }

        var change = await users.SetRolesAsync(targetId, roles.Distinct().ToList(), user.ToActor(Actor.ApiChannel), cancellationToken);
        return change.Succeeded ? TypedResults.NoContent() : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["roles"] = [change.Error!] });
    }

    private static Ok<List<UploadRedactionsResponse>> Redactions(CorpusUploads uploads) =>
        TypedResults.Ok(uploads.Redactions().Select(r => new UploadRedactionsResponse(r.DocumentId, r.Contexts)).ToList());

    private static Ok<AllowListApiResponse> AllowList(DeidentificationSettings settings) => TypedResults.Ok(new AllowListApiResponse(settings.AllowListFile, settings.AllowList().Terms));

    private static async Task<Results<NoContent, ValidationProblem>> SetAllowListAsync(
        AllowListApiRequest request, ClaimsPrincipal user, DeidentificationSettings settings, CancellationToken cancellationToken)
    {
        if (request.Terms is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["terms"] = ["Send the whole list as terms: [\"…\"] (an empty list allows nothing)."] });
        }

        try
        {
            await settings.SaveAllowListAsync(user.ToActor(Actor.ApiChannel), request.Terms, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["terms"] = [ex.Message] });
        }

        return TypedResults.NoContent();
    }

    public sealed record JobWithProgress(ReindexJobResponse Job, ReindexProgress? Progress);

    private static async Task<Results<Ok<List<UploadResponse>>, ProblemHttpResult>> UploadAsync(
        HttpRequest request, ClaimsPrincipal user, AuditedUploads uploads, IOptions<AdminOptions> options, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem("Send the files as multipart/form-data.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Not a form");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return TypedResults.Problem($"The upload could not be read: {ex.Message}", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Upload too large or malformed");
        }

        if (form.Files.Count == 0 || form.Files.Count > options.Value.MaxFilesPerUpload)
        {
            return TypedResults.Problem($"Send between 1 and {options.Value.MaxFilesPerUpload} files.", statusCode: StatusCodes.Status400BadRequest, title: "No files");
        }

        var results = new List<UploadResponse>();
        foreach (var file in form.Files)
        {
            await using var stream = file.OpenReadStream();
            results.Add(UploadResponse.From(await uploads.AddAsync(user.ToActor(Actor.ApiChannel), file.FileName, stream, cancellationToken)));
        }

        return TypedResults.Ok(results);
    }

    private static async Task<Results<Accepted<ReindexJobResponse>, Ok<ReindexJobResponse>, ProblemHttpResult>> StartReindexAsync(
        ReindexApiRequest request, ClaimsPrincipal user, ReindexService reindex, CancellationToken cancellationToken) =>
        request.Mode is null or ReindexMode.Full or ReindexMode.Changed
            ? await ReindexAsync(request.Mode ?? ReindexMode.Full, user, reindex, cancellationToken)
            : TypedResults.Problem("mode must be 'full' or 'changed'.", statusCode: StatusCodes.Status400BadRequest, title: "Unknown reindex mode");

    private static Task<Results<Accepted<ReindexJobResponse>, Ok<ReindexJobResponse>, ProblemHttpResult>> RollbackAsync(ClaimsPrincipal user, ReindexService reindex, CancellationToken cancellationToken) =>
        ReindexAsync(ReindexMode.Rollback, user, reindex, cancellationToken);

    private static async Task<Results<Accepted<ReindexJobResponse>, Ok<ReindexJobResponse>, ProblemHttpResult>> ReindexAsync(
        ReindexMode mode, ClaimsPrincipal user, ReindexService reindex, CancellationToken cancellationToken)
    {
        ReindexRequestResult result;
        try
        {
            result = await reindex.StartAsync(mode, user.ToActor(Actor.ApiChannel), cancellationToken);
        }
        catch (PassageIndexException)
        {
            return TypedResults.Problem("Qdrant is not reachable; nothing was changed.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Qdrant unavailable");
        }

        if (result.Conflict is { } conflict)
        {
            return TypedResults.Problem(conflict, statusCode: StatusCodes.Status409Conflict, title: "Reindex not started");
        }

        var job = ReindexJobResponse.From(result.Job!);
        return job.Mode == ReindexMode.Rollback
            ? TypedResults.Ok(job)
            : TypedResults.Accepted($"/api/admin/jobs/{job.Id}", job);
    }

    private static async Task<Ok<List<ReindexJobResponse>>> ListJobsAsync(ReindexService reindex, CancellationToken cancellationToken) =>
        TypedResults.Ok((await reindex.ListAsync(cancellationToken: cancellationToken)).Select(ReindexJobResponse.From).ToList());

    private static async Task<Results<Ok<JobWithProgress>, ProblemHttpResult>> GetJobAsync(Guid id, ReindexService reindex, CancellationToken cancellationToken) =>
        await reindex.GetAsync(id, cancellationToken) is { } job
            ? TypedResults.Ok(new JobWithProgress(ReindexJobResponse.From(job), reindex.ProgressOf(job)))
            : TypedResults.Problem($"There is no job with id {id}.", statusCode: StatusCodes.Status404NotFound, title: "Job not found");

    private static async Task<Results<Accepted, ProblemHttpResult>> CancelJobAsync(Guid id, ClaimsPrincipal user, ReindexService reindex, CancellationToken cancellationToken) =>
        await reindex.CancelAsync(id, user.ToActor(Actor.ApiChannel), cancellationToken)
            ? TypedResults.Accepted($"/api/admin/jobs/{id}")
            : TypedResults.Problem($"Job {id} does not exist or is not queued or running.", statusCode: StatusCodes.Status409Conflict, title: "Not cancellable");

    private static async Task<Results<Ok<CorpusResponse>, ProblemHttpResult>> CorpusAsync(CorpusOverviews overviews, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(CorpusResponse.From(await overviews.GetAsync(cancellationToken)));
        }
        catch (PassageIndexException)
        {
            return TypedResults.Problem("Qdrant is not reachable.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Qdrant unavailable");
        }
    }
}
