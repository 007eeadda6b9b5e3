using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Workbench.Core.Indexing;
using Workbench.Core.Ingestion.Uploads;
using Workbench.Core.Persistence;

namespace Workbench.Web.Api;

public sealed record ReindexApiRequest(ReindexMode? Mode);

/// <summary>
/// Corpus administration for automation: upload documents, start, watch and cancel reindex jobs, roll
/// back, see what is indexed. (Sign-in and roles arrive with the security issue; until then the API is
/// as open as the admin page.)
/// </summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").WithTags("Admin").DisableAntiforgery();
        api.MapPost("/documents", UploadAsync).RequireRateLimiting(WebServiceCollectionExtensions.UploadPolicy).WithName("UploadDocuments").WithSummary("Upload documents (multipart form, field 'files'); per-file outcome.");
        api.MapPost("/reindex", ReindexAsync).WithName("Reindex").WithSummary("Start a reindex: mode full (new version, then switch) or changed (in place).");
        api.MapPost("/rollback", (ReindexService reindex, CancellationToken ct) => ReindexAsync(new ReindexApiRequest(ReindexMode.Rollback), reindex, ct))
            .WithName("Rollback").WithSummary("Serve the previous index version again.");
        api.MapGet("/jobs", async (ReindexService reindex, CancellationToken ct) => TypedResults.Ok(await reindex.ListAsync(cancellationToken: ct))).WithName("ListJobs");
        api.MapGet("/jobs/{id:guid}", GetJobAsync).WithName("GetJob").WithSummary("A job with its live progress while it runs.");
        api.MapPost("/jobs/{id:guid}/cancel", async (Guid id, ReindexService reindex, CancellationToken ct) =>
            await reindex.CancelAsync(id, ct)
                ? Results.Accepted($"/api/admin/jobs/{id}")
                : TypedResults.Problem($"Job {id} does not exist or is not queued or running.", statusCode: StatusCodes.Status409Conflict, title: "Not cancellable"))
            .WithName("CancelJob");
        api.MapGet("/corpus", CorpusAsync).WithName("Corpus").WithSummary("The live index version, counts by type and specialty, versions kept, uploads.");
        return app;
    }

    public sealed record JobWithProgress(ReindexJob Job, ReindexProgress? Progress);

    private static async Task<Results<Ok<IReadOnlyList<UploadResult>>, ProblemHttpResult>> UploadAsync(
        HttpRequest request, CorpusUploads uploads, IOptions<AdminOptions> options, CancellationToken cancellationToken)
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

        var results = new List<UploadResult>();
        foreach (var file in form.Files)
        {
            await using var stream = file.OpenReadStream();
            results.Add(await uploads.AddAsync(file.FileName, stream, cancellationToken));
        }

        return TypedResults.Ok<IReadOnlyList<UploadResult>>(results);
    }

    private static async Task<Results<Accepted<ReindexJob>, Ok<ReindexJob>, ProblemHttpResult>> ReindexAsync(
        ReindexApiRequest request, ReindexService reindex, CancellationToken cancellationToken)
    {
        ReindexRequestResult result;
        try
        {
            result = await reindex.StartAsync(request.Mode ?? ReindexMode.Full, "api", cancellationToken);
        }
        catch (RpcException)
        {
            return TypedResults.Problem("Qdrant is not reachable; nothing was changed.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Qdrant unavailable");
        }

        if (result.Conflict is { } conflict)
        {
            return TypedResults.Problem(conflict, statusCode: StatusCodes.Status409Conflict, title: "Reindex not started");
        }

        return result.Job!.Mode == ReindexMode.Rollback
            ? TypedResults.Ok(result.Job)
            : TypedResults.Accepted($"/api/admin/jobs/{result.Job.Id}", result.Job);
    }

    private static async Task<Results<Ok<JobWithProgress>, ProblemHttpResult>> GetJobAsync(Guid id, ReindexService reindex, CancellationToken cancellationToken) =>
        await reindex.GetAsync(id, cancellationToken) is { } job
            ? TypedResults.Ok(new JobWithProgress(job, reindex.Current is { } p && p.JobId == id ? p : null))
            : TypedResults.Problem($"There is no job with id {id}.", statusCode: StatusCodes.Status404NotFound, title: "Job not found");

    private static async Task<Results<Ok<CorpusOverview>, ProblemHttpResult>> CorpusAsync(ReindexService reindex, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await reindex.OverviewAsync(cancellationToken));
        }
        catch (RpcException)
        {
            return TypedResults.Problem("Qdrant is not reachable.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Qdrant unavailable");
        }
    }
}
