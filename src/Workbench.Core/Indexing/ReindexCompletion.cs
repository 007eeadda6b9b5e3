using Workbench.Core.Ingestion;
using Workbench.Core.Ingestion.Uploads;
using Workbench.Core.Retrieval;

namespace Workbench.Core.Indexing;

/// <summary>
/// How a reindex job ends: a built version is verified and switched to (or a changed-documents run drops
/// what left the corpus), or a job that will not complete leaves the live version untouched.
/// </summary>
public sealed class ReindexCompletion(
    ReindexJobStore jobs, IPassageIndex index, IndexVersions versions, IndexStatus status, IOptions<AdminOptions> options, ILogger<ReindexCompletion> logger)
{
    /// <summary>Verifies the build, serves it (pruning old versions) and records the job as succeeded.</summary>
    public async Task SucceedAsync(ReindexJob job, string target, SourceReadResult read, IndexingReport report, CancellationToken cancellationToken)
    {
        var built = index.For(target);
        if (job.Mode == ReindexMode.Changed)
        {
            await built.DeleteDocumentsExceptAsync(read.Documents.Select(d => d.Id).ToList(), cancellationToken);
        }
        else
        {
            var stored = await built.CountAsync(cancellationToken);
            if (stored != report.Passages)
            {
                throw new InvalidOperationException($"The new version holds {stored} passages where {report.Passages} were indexed, so it was not switched to.");
            }

            await versions.SwitchAsync(target, CancellationToken.None);
            await versions.PruneAsync(options.Value.RetainPreviousVersions, CancellationToken.None);
        }

        var message = $"{report.Documents} documents, {report.Passages} passages ({report.Embedded} embedded, {report.Unchanged} unchanged) in {report.Elapsed.TotalSeconds:F1} s"
            + (job.Mode == ReindexMode.Full ? $"; now serving {target}." : " in the live version.");
        await jobs.UpdateAsync(job.Id, e =>
        {
            (e.Status, e.FinishedAtUtc, e.Message) = (ReindexStatus.Succeeded, jobs.Now, message);
            (e.DocumentsDone, e.PassagesDone, e.Embedded) = (report.Documents, report.Passages, report.Embedded);
        }, CancellationToken.None);
        logger.LogInformation("Reindex job {Job} succeeded: {Message}", job.Id, message);
    }

    /// <summary>Ends a job that will not complete: a version it was building is deleted; the live one is untouched.</summary>
    public async Task AbandonAsync(ReindexJob job, string? target, ReindexStatus outcome, string message, ReindexProgress? progress, bool firstBuild)
    {
        if (job.Mode == ReindexMode.Full && target is not null)
        {
            try
            {
                await versions.DeleteAsync(target, CancellationToken.None);
            }
            catch (PassageIndexException)
            {
                // Qdrant is away; the orphan version is pruned by a later reindex.
            }
        }

        await jobs.FinishAsync(job.Id, outcome, message, progress, CancellationToken.None);
        if (firstBuild)
        {
            status.Fail(message);
        }
        else
        {
            status.Complete(null);
        }
    }
}
