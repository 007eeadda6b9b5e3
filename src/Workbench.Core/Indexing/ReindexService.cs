using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workbench.Core.Domain;
using Workbench.Core.Ingestion;
using Workbench.Core.Ingestion.Uploads;
using Workbench.Core.Persistence;
using Workbench.Core.Retrieval;
using Workbench.Core.Security;
using Workbench.Core.Telemetry;

namespace Workbench.Core.Indexing;

/// <summary>
/// Reindex jobs: queued (bounded), run one at a time in the background, checkpointed, resumable.
/// A full reindex builds a new index version beside the live one and switches the alias only when
/// the new version is complete and verified; until then, and if it fails or is cancelled, questions
/// are answered from the live version. A job interrupted by a stopping process stays "running" and is
/// resumed on the next start into the same collection, where content hashes skip every passage
/// already stored.
/// </summary>
public sealed class ReindexService(
    IDbContextFactory<WorkbenchDbContext> contexts,
    PassageIndexer indexer,
    IPassageIndex index,
    IndexVersions versions,
    CorpusUploads uploads,
    IndexStatus status,
    AuditTrail audit,
    IOptions<AdminOptions> options,
    TimeProvider time,
    ILogger<ReindexService> logger)
{
    private const int QdrantRetries = 3;

    private readonly Channel<Guid> queue = Channel.CreateBounded<Guid>(new BoundedChannelOptions(16) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim starting = new(1, 1);
    private readonly Lock gate = new();
    private (Guid Id, CancellationTokenSource Cancel)? running;

    /// <summary>Figures of the job being run, or null.</summary>
    public ReindexProgress? Current { get; private set; }

    /// <summary>Raised after every batch and whenever a job changes state.</summary>
    public event Action? Changed;

    public ChannelReader<Guid> Pending => queue.Reader;

    public async Task<ReindexRequestResult> StartAsync(ReindexMode mode, Actor actor, CancellationToken cancellationToken = default)
    {
        var result = mode == ReindexMode.Rollback ? await RollbackAsync(actor.Name, cancellationToken) : await EnqueueAsync(mode, actor.Name, cancellationToken);
        if (result.Conflict is null && result.Job is { } job)
        {
            await audit.RecordAsync(actor, AuditActions.ReindexStarted, job.Id.ToString(), $"{mode}: {job.Message ?? "queued"}", cancellationToken);
        }

        return result;
    }

    private async Task<ReindexRequestResult> EnqueueAsync(ReindexMode mode, string requestedBy, CancellationToken cancellationToken)
    {
        await starting.WaitAsync(cancellationToken);
        try
        {
            if (await ActiveAsync(cancellationToken) is { } active)
            {
                return new ReindexRequestResult(active, $"A reindex is already {active.Status.ToString().ToLowerInvariant()} (job {active.Id}); one runs at a time.");
            }

            try
            {
                if (mode == ReindexMode.Changed && await versions.LiveAsync(cancellationToken) is null)
                {
                    return new ReindexRequestResult(null, "Nothing is indexed yet: run a full reindex first.");
                }
            }
            catch (PassageIndexException)
            {
                return new ReindexRequestResult(null, "Qdrant is not reachable, so nothing was started.");
            }

            var job = await AddAsync(mode, ReindexStatus.Queued, requestedBy, null, cancellationToken);
            if (!queue.Writer.TryWrite(job.Id))
            {
                await FinishAsync(job.Id, ReindexStatus.Failed, "The reindex queue is full.", cancellationToken: CancellationToken.None);
                return new ReindexRequestResult(null, "The reindex queue is full; try again later.");
            }

            Changed?.Invoke();
            return new ReindexRequestResult(job, null);
        }
        finally
        {
            starting.Release();
        }
    }

    /// <summary>Serves the previous index version again, recorded as a job.</summary>
    private async Task<ReindexRequestResult> RollbackAsync(string requestedBy, CancellationToken cancellationToken)
    {
        await starting.WaitAsync(cancellationToken);
        try
        {
            if (await ActiveAsync(cancellationToken) is { } active)
            {
                return new ReindexRequestResult(active, "A reindex is in progress; roll back after it ends (or cancel it).");
            }

            string? live, previous;
            try
            {
                live = await versions.LiveAsync(cancellationToken);
                previous = await versions.RollbackAsync(cancellationToken);
            }
            catch (PassageIndexException)
            {
                return new ReindexRequestResult(null, "Qdrant is not reachable, so nothing was rolled back.");
            }

            if (previous is null)
            {
                return new ReindexRequestResult(null, "There is no previous index version to roll back to.");
            }

            var job = await AddAsync(ReindexMode.Rollback, ReindexStatus.Succeeded, requestedBy, $"Serving {previous} again instead of {live}.", cancellationToken);
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var entity = await db.ReindexJobs.FirstAsync(j => j.Id == job.Id, cancellationToken);
            (entity.TargetCollection, entity.PreviousCollection, entity.StartedAtUtc, entity.FinishedAtUtc) = (previous, live, entity.CreatedAtUtc, entity.CreatedAtUtc);
            await db.SaveChangesAsync(cancellationToken);
            Changed?.Invoke();
            return new ReindexRequestResult(ReindexJob.From(entity), null);
        }
        finally
        {
            starting.Release();
        }
    }

    public async Task<bool> CancelAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        var cancelled = await CancelAsync(id, cancellationToken);
        if (cancelled)
        {
            await audit.RecordAsync(actor, AuditActions.ReindexCancelled, id.ToString(), cancellationToken: cancellationToken);
        }

        return cancelled;
    }

    private async Task<bool> CancelAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (running is { } current && current.Id == id)
            {
                current.Cancel.Cancel();
                return true;
            }
        }

        var job = await GetAsync(id, cancellationToken);
        if (job is { Status: ReindexStatus.Running })
        {
            // Running on another instance: it sees the request at its next check, within a second or two.
            await UpdateAsync(id, e => e.CancelRequested = true, cancellationToken);
            return true;
        }

        if (job is not { Status: ReindexStatus.Queued })
        {
            return false;
        }

        await FinishAsync(id, ReindexStatus.Cancelled, "Cancelled before it started.", cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>The job to run next: the oldest queued or interrupted one, whichever instance asked for it.</summary>
    public async Task<Guid?> NextAsync(CancellationToken cancellationToken)
    {
        var active = await ActiveAsync(cancellationToken);
        return active?.Id;
    }

    /// <summary>Ends a job that failed in a way the job itself could not record.</summary>
    public Task MarkFailedAsync(Guid id, string message) => FinishAsync(id, ReindexStatus.Failed, message, cancellationToken: CancellationToken.None);

    public async Task<ReindexJob?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await db.ReindexJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        return entity is null ? null : ReindexJob.From(entity);
    }

    public async Task<IReadOnlyList<ReindexJob>> ListAsync(int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ReindexJobs.AsNoTracking().OrderByDescending(j => j.CreatedAtUtc).Take(take).ToListAsync(cancellationToken);
        return rows.Select(ReindexJob.From).ToList();
    }

    public async Task<CorpusOverview> OverviewAsync(CancellationToken cancellationToken = default)
    {
        var live = await versions.LiveAsync(cancellationToken);
        var passages = live is null ? 0 : await index.CountAsync(cancellationToken);
        var byType = passages == 0 ? new Dictionary<string, long>() : await index.CountDocumentsByAsync("type", cancellationToken);
        var bySpecialty = passages == 0 ? new Dictionary<string, long>() : await index.CountDocumentsByAsync("specialty", cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var last = await db.ReindexJobs.AsNoTracking().Where(j => j.Status == ReindexStatus.Succeeded && j.Mode != ReindexMode.Rollback)
            .OrderByDescending(j => j.FinishedAtUtc).Select(j => j.FinishedAtUtc).FirstOrDefaultAsync(cancellationToken);
        return new CorpusOverview(live, passages, byType.Values.Sum(), byType, bySpecialty,
            StoredTime.Utc(last),
            await versions.ListAsync(cancellationToken), uploads.List());
    }

    /// <summary>On start: queue again what a stopped process left unfinished, and build the first index when there is none.</summary>
    public async Task ResumeOrBootstrapAsync(bool buildWhenEmpty, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var unfinished = await db.ReindexJobs.Where(j => j.Status == ReindexStatus.Queued || j.Status == ReindexStatus.Running)
            .OrderBy(j => j.CreatedAtUtc).ToListAsync(cancellationToken);
        foreach (var job in unfinished)
        {
            logger.LogInformation("Resuming reindex job {Job} ({Mode}, {Done} of {Total} documents done before the stop)", job.Id, job.Mode, job.DocumentsDone, job.DocumentsTotal);
            job.Resumes += job.Status == ReindexStatus.Running ? 1 : 0;
            queue.Writer.TryWrite(job.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (unfinished.Count > 0)
        {
            return;
        }

        var live = await versions.LiveAsync(cancellationToken);
        if (buildWhenEmpty && (live is null || await index.CountAsync(cancellationToken) == 0))
        {
            var job = await AddAsync(ReindexMode.Full, ReindexStatus.Queued, "first run", null, cancellationToken);
            queue.Writer.TryWrite(job.Id);
            return;
        }

        if (live is not null && !await index.IsCompatibleAsync(indexer.Dimensions, cancellationToken))
        {
            // Built by an older version (no sparse vectors) or another model: it cannot answer; rebuild it as a new version.
            logger.LogWarning("The live index {Collection} has an outdated schema; rebuilding it", live);
            var job = await AddAsync(ReindexMode.Full, ReindexStatus.Queued, "schema upgrade", null, cancellationToken);
            queue.Writer.TryWrite(job.Id);
            return;
        }

        if (live is not null && !await index.IsCurrentAsync(cancellationToken))
        {
            // Indexed by older de-identification or sparse-encoding rules: re-derive every passage in place; only text that
            // changed is embedded again, the rest keeps its vector.
            logger.LogInformation("The live index {Collection} was built by older rules; reindexing what they change", live);
            var job = await AddAsync(ReindexMode.Changed, ReindexStatus.Queued, "rules upgrade", null, cancellationToken);
            queue.Writer.TryWrite(job.Id);
            return;
        }

        status.Complete(null);
    }

    /// <summary>Runs one job to its end. <paramref name="stopping"/> is the process stopping: the job then stays running, to resume.</summary>
    public async Task RunAsync(Guid id, CancellationToken stopping)
    {
        var job = await GetAsync(id, stopping);
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
        var syncing = SyncWithDatabaseAsync(id, cancel, finished.Token);
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
            await UpdateAsync(id, e =>
            {
                (e.Status, e.StartedAtUtc, e.TargetCollection, e.DocumentsTotal) = (ReindexStatus.Running, e.StartedAtUtc ?? Now, target, read.Documents.Count);
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
            await FinishBuildAsync(job, target, read, report, cancel.Token);
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
            await AbandonAsync(job, target, ReindexStatus.Cancelled, "Cancelled by an admin. The live index was not changed.", firstBuild);
        }
        catch (PassageIndexException ex)
        {
            WorkbenchTelemetry.Failed(span, ex);
            logger.LogError(ex, "Reindex job {Job} failed: Qdrant is not reachable", id);
            await AbandonAsync(job, target, ReindexStatus.Failed, "Qdrant is not reachable, so the reindex stopped. The live index was not changed; start it again when Qdrant is back.", firstBuild);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or InvalidDataException)
        {
            WorkbenchTelemetry.Failed(span, ex);
            logger.LogError(ex, "Reindex job {Job} failed", id);
            await AbandonAsync(job, target, ReindexStatus.Failed, $"The reindex failed: {ex.Message} The live index was not changed.", firstBuild);
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
            Changed?.Invoke();
        }
    }

    /// <summary>
    /// While a job runs: its counts go to the database every second (admins on other instances, and the
    /// history after a crash, see them), and a cancel asked for on another instance is picked up.
    /// </summary>
    private async Task SyncWithDatabaseAsync(Guid id, CancellationTokenSource cancel, CancellationToken finished)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(finished))
            {
                try
                {
                    await using var db = await contexts.CreateDbContextAsync(finished);
                    if (Current is { } progress && progress.JobId == id)
                    {
                        // Only while running: the final counts, written when the job ends, must not be overwritten.
                        await db.ReindexJobs.Where(j => j.Id == id && j.Status == ReindexStatus.Running).ExecuteUpdateAsync(s => s
                            .SetProperty(j => j.DocumentsDone, progress.DocumentsDone)
                            .SetProperty(j => j.PassagesDone, progress.PassagesDone), finished);
                    }

                    if (await db.ReindexJobs.AnyAsync(j => j.Id == id && j.CancelRequested, finished))
                    {
                        await cancel.CancelAsync();
                    }
                }
                catch (System.Data.Common.DbException ex)
                {
                    logger.LogWarning(ex, "Reindex job {Job}: recording progress failed; trying again", id);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The job ended.
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

                Changed?.Invoke();
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

    private async Task FinishBuildAsync(ReindexJob job, string target, SourceReadResult read, IndexingReport report, CancellationToken cancellationToken)
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
        await UpdateAsync(job.Id, e =>
        {
            (e.Status, e.FinishedAtUtc, e.Message) = (ReindexStatus.Succeeded, Now, message);
            (e.DocumentsDone, e.PassagesDone, e.Embedded) = (report.Documents, report.Passages, report.Embedded);
        }, CancellationToken.None);
        logger.LogInformation("Reindex job {Job} succeeded: {Message}", job.Id, message);
    }

    /// <summary>Ends a job that will not complete: a version it was building is deleted; the live one is untouched.</summary>
    private async Task AbandonAsync(ReindexJob job, string? target, ReindexStatus outcome, string message, bool firstBuild)
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

        await FinishAsync(job.Id, outcome, message, Current, CancellationToken.None);
        if (firstBuild)
        {
            status.Fail(message);
        }
        else
        {
            status.Complete(null);
        }
    }

    private async Task FinishAsync(Guid id, ReindexStatus outcome, string message, ReindexProgress? progress = null, CancellationToken cancellationToken = default) =>
        await UpdateAsync(id, e =>
        {
            (e.Status, e.FinishedAtUtc, e.Message) = (outcome, Now, message);
            if (progress is not null)
            {
                (e.DocumentsDone, e.PassagesDone) = (progress.DocumentsDone, progress.PassagesDone);
            }
        }, cancellationToken);

    private async Task<ReindexJob?> ActiveAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await db.ReindexJobs.AsNoTracking()
            .Where(j => j.Status == ReindexStatus.Queued || j.Status == ReindexStatus.Running)
            .OrderBy(j => j.CreatedAtUtc).FirstOrDefaultAsync(cancellationToken);
        return entity is null ? null : ReindexJob.From(entity);
    }

    private async Task<ReindexJob> AddAsync(ReindexMode mode, ReindexStatus initial, string requestedBy, string? message, CancellationToken cancellationToken)
    {
        var entity = new ReindexJobEntity { Id = Guid.NewGuid(), Mode = mode, Status = initial, RequestedBy = requestedBy, CreatedAtUtc = Now, Message = message };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ReindexJobs.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return ReindexJob.From(entity);
    }

    private async Task UpdateAsync(Guid id, Action<ReindexJobEntity> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await db.ReindexJobs.FirstAsync(j => j.Id == id, cancellationToken);
        change(entity);
        await db.SaveChangesAsync(cancellationToken);
        Changed?.Invoke();
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>A source already read: the job counts and reports its documents before indexing them.</summary>
    private sealed class ReadSource(string name, SourceReadResult read) : IDocumentSource
    {
        public string Name => name;

        public SourceReadResult Read() => read;
    }

    /// <summary>Reports on the indexing thread, in order; <see cref="Progress{T}"/> would post them out of order.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
