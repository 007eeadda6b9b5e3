using System.Diagnostics;
using System.Text.Json;
using Workbench.Core.Ingestion;
using Workbench.Core.Ingestion.Uploads;
using Workbench.Core.Retrieval;
using Workbench.Core.Telemetry;

namespace Workbench.Core.Indexing;

/// <summary>
/// Runs one reindex job to its end. A full reindex builds a new index version beside the live one and
/// switches the alias only when the new version is complete and verified; until then, and if it fails
/// or is cancelled, questions are answered from the live version. A job interrupted by a stopping
/// process stays "running" and is resumed on the next start into the same collection, where content
/// hashes skip every passage already stored.
/// </summary>
public sealed class ReindexRunner(
    ReindexJobStore jobs,
    ReindexCompletion completion,
    PassageIndexer indexer,
    IPassageIndex index,
    IndexVersions versions,
    CorpusUploads uploads,
    IndexStatus status,
    IOptions<AdminOptions> options,
    ILogger<ReindexRunner> logger)
{
    private const int QdrantRetries = 3;

    private readonly Lock gate = new();
    private (Guid Id, CancellationTokenSource Cancel)? running;

    /// <summary>Figures of the job this instance is running, or null.</summary>
    public ReindexProgress? Current { get; private set; }

    /// <summary>Raised after every batch.</summary>
    public event Action? Progressed;

    /// <summary>Cancels the job if this instance runs it; false when it does not.</summary>
    public bool TryCancel(Guid id)
    {
        lock (gate)
        {
            if (running is { } current && current.Id == id)
            {
                current.Cancel.Cancel();
                return true;
            }
        }

        return false;
    }

    /// <summary>Runs one job to its end. <paramref name="stopping"/> is the process stopping: the job then stays running, to resume.</summary>
    public async Task RunAsync(Guid id, CancellationToken stopping)
    {
        var job = await jobs.GetAsync(id, stopping);
        if (job is not { Active: true })
        {
            return;
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        lock (gate)
        {
            running = (id, cancel);
        }

        using var finished = new CancellationTokenSource();
        var syncing = jobs.SyncWhileRunningAsync(id, () => Current, cancel, finished.Token);
        using var span = WorkbenchTelemetry.Source.StartActivity($"{WorkbenchTelemetry.Spans.Reindex} {job.Mode.ToString().ToLowerInvariant()}");
        span?.SetTag(WorkbenchTelemetry.Attributes.ReindexJob, id.ToString());
        span?.SetTag(WorkbenchTelemetry.Attributes.ReindexMode, job.Mode.ToString().ToLowerInvariant());
        WorkbenchTelemetry.ReindexRunning.Add(1);
        var outcome = "failed";

        var firstBuild = false;
        string? target = null;
        try
        {
            // Only a build with nothing usable live holds up the ask page; later ones run while the live version serves.
            var live = await versions.LiveAsync(stopping);
            firstBuild = live is null || !await index.IsCompatibleAsync(indexer.Dimensions, stopping);
            var source = uploads.Source;
            var read = source.Read();
            var errors = read.Problems.Select(p => $"{p.Source}: {p.Message}").ToList();
            target = job.Mode == ReindexMode.Full ? job.TargetCollection ?? await versions.NextNameAsync(stopping) : live!;
            await jobs.UpdateAsync(id, e =>
            {
                (e.Status, e.StartedAtUtc, e.TargetCollection, e.DocumentsTotal) = (ReindexStatus.Running, e.StartedAtUtc ?? jobs.Now, target, read.Documents.Count);
                e.PreviousCollection ??= job.Mode == ReindexMode.Full ? live : null;
                e.ErrorsJson = JsonSerializer.Serialize(errors);
            }, stopping);
            if (firstBuild)
            {
                status.Start();
            }

            // Vectors are reused only from a live version of this same schema and model.
            var reuse = job.Mode == ReindexMode.Full && !firstBuild && live is not null && live != target ? index.For(live) : null;
            var report = await IndexWithRetriesAsync(id, index.For(target), reuse, new ReadSource(source.Name, read), firstBuild, cancel.Token);
            await completion.SucceedAsync(job, target, read, report, cancel.Token);
            status.Complete(report);
            outcome = "succeeded";
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            outcome = "interrupted";
            logger.LogInformation("Reindex job {Job} interrupted by shutdown; it resumes on the next start", id);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            outcome = "cancelled";
            await completion.AbandonAsync(job, target, ReindexStatus.Cancelled, "Cancelled by an admin. The live index was not changed.", Current, firstBuild);
        }
        catch (PassageIndexException ex)
        {
            WorkbenchTelemetry.Failed(span, ex);
            logger.LogError(ex, "Reindex job {Job} failed: Qdrant is not reachable", id);
            await completion.AbandonAsync(job, target, ReindexStatus.Failed, "Qdrant is not reachable, so the reindex stopped. The live index was not changed; start it again when Qdrant is back.", Current, firstBuild);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or InvalidDataException)
        {
            WorkbenchTelemetry.Failed(span, ex);
            logger.LogError(ex, "Reindex job {Job} failed", id);
            await completion.AbandonAsync(job, target, ReindexStatus.Failed, $"The reindex failed: {ex.Message} The live index was not changed.", Current, firstBuild);
        }
        finally
        {
            await finished.CancelAsync();
            await syncing;
            lock (gate)
            {
                running = null;
            }

            Current = null;
            span?.SetTag(WorkbenchTelemetry.Attributes.ReindexOutcome, outcome);
            WorkbenchTelemetry.ReindexRunning.Add(-1);
            WorkbenchTelemetry.ReindexJobs.Add(1, new KeyValuePair<string, object?>(WorkbenchTelemetry.Attributes.ReindexOutcome, outcome));
            Progressed?.Invoke();
        }
    }

    /// <summary>Qdrant restarting mid-job is survivable: wait, then index again; what is stored is skipped.</summary>
    private async Task<IndexingReport> IndexWithRetriesAsync(
        Guid id, IPassageIndex target, IPassageIndex? reuse, IDocumentSource source, bool firstBuild, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var clock = Stopwatch.StartNew();
            var progress = new SynchronousProgress<IndexingProgress>(p =>
            {
                var rate = p.PassagesDone / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
                var perDocument = clock.Elapsed / Math.Max(p.DocumentsDone, 1);
                Current = new ReindexProgress(id, p.DocumentsDone, p.DocumentsTotal, p.PassagesDone, rate, perDocument * (p.DocumentsTotal - p.DocumentsDone));
                WorkbenchTelemetry.ReindexProgress.Record((double)p.DocumentsDone / Math.Max(p.DocumentsTotal, 1));
                if (firstBuild)
                {
                    status.Report(p);
                }

                Progressed?.Invoke();
            });
            try
            {
                return await indexer.IndexIntoAsync(target, source, options.Value.ReindexBatchDocuments, progress, cancellationToken, reuse);
            }
            catch (PassageIndexUnavailableException) when (attempt < QdrantRetries)
            {
                logger.LogWarning("Reindex job {Job}: Qdrant unavailable (attempt {Attempt}); retrying", id, attempt);
                await Task.Delay(TimeSpan.FromSeconds(2 << attempt), cancellationToken);
            }
        }
    }
}
