using System.Threading.Channels;
using Workbench.Core.Retrieval;
using Workbench.Core.Security;

namespace Workbench.Core.Indexing;

/// <summary>
/// Reindex jobs as admins, the command line and the first run ask for them: started (one at a time, queued
/// in the database), run to their end by the instance holding the background lease, cancelled from any
/// instance, rolled back, and followed. <see cref="ReindexRunner"/> runs a job; <see cref="ReindexJobStore"/> keeps them.
/// </summary>
public sealed class ReindexService(
    ReindexJobStore jobs, ReindexRunner runner, IndexVersions versions, AuditTrail audit, TimeProvider time, ILogger<ReindexService> logger)
{
    private readonly SemaphoreSlim starting = new(1, 1);

    /// <summary>Figures of the job this instance runs, or null.</summary>
    public ReindexProgress? Current => runner.Current;

    /// <summary>Raised after every batch and whenever a job changes state.</summary>
    public event Action? Changed
    {
        add
        {
            jobs.Changed += value;
            runner.Progressed += value;
        }

        remove
        {
            jobs.Changed -= value;
            runner.Progressed -= value;
        }
    }

    /// <summary>Signals that a job was asked for on this instance, so the runner need not wait for its next look at the database.</summary>
    public ChannelReader<bool> Wakeups => jobs.Wakeups;

    public async Task<ReindexRequestResult> StartAsync(ReindexMode mode, Actor actor, CancellationToken cancellationToken = default)
    {
        await starting.WaitAsync(cancellationToken);
        ReindexRequestResult result;
        try
        {
            result = await jobs.ActiveAsync(cancellationToken) is { } active
                ? new ReindexRequestResult(active, mode == ReindexMode.Rollback
                    ? "A reindex is in progress; roll back after it ends (or cancel it)."
                    : $"A reindex is already {active.Status.ToString().ToLowerInvariant()} (job {active.Id}); one runs at a time.")
                : mode == ReindexMode.Rollback ? await RollbackAsync(actor.Name, cancellationToken) : await EnqueueAsync(mode, actor.Name, cancellationToken);
        }
        finally
        {
            starting.Release();
        }

        if (result.Conflict is null && result.Job is { } job)
        {
            await audit.RecordAsync(actor, AuditActions.ReindexStarted, job.Id.ToString(), $"{mode}: {job.Message ?? "queued"}", cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Starts a job and runs it to its end here, whoever holds the background lease: what the command line
    /// and the tests do. The job as it ended, or why it did not start.
    /// </summary>
    public async Task<ReindexRequestResult> RunToEndAsync(ReindexMode mode, Actor actor, CancellationToken stopping = default)
    {
        var started = await StartAsync(mode, actor, stopping);
        if (started.Conflict is not null || started.Job is not { Active: true } job)
        {
            return started;
        }

        await runner.RunAsync(job.Id, stopping);
        return started with { Job = await jobs.GetAsync(job.Id, CancellationToken.None) };
    }

    /// <summary>Runs the oldest unfinished job to its end; the job as it ended, or null when there was none.</summary>
    public async Task<ReindexJob?> RunNextAsync(CancellationToken stopping)
    {
        if (await jobs.ActiveAsync(stopping) is not { } job)
        {
            return null;
        }

        try
        {
            await runner.RunAsync(job.Id, stopping);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One job's unexpected failure must not stop the ones after it; the job is recorded as failed.
            logger.LogError(ex, "Reindex job {Job} stopped unexpectedly", job.Id);
            await jobs.FinishAsync(job.Id, ReindexStatus.Failed, "The reindex stopped unexpectedly; the live index was not changed. Start it again.");
        }

        return await jobs.GetAsync(job.Id, CancellationToken.None);
    }

    private async Task<ReindexRequestResult> EnqueueAsync(ReindexMode mode, string requestedBy, CancellationToken cancellationToken)
    {
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

        return new ReindexRequestResult(await jobs.AddAsync(mode, ReindexStatus.Queued, requestedBy, null, cancellationToken), null);
    }

    /// <summary>Serves the previous index version again, recorded as a job.</summary>
    private async Task<ReindexRequestResult> RollbackAsync(string requestedBy, CancellationToken cancellationToken)
    {
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

        var job = await jobs.AddAsync(ReindexMode.Rollback, ReindexStatus.Succeeded, requestedBy, $"Serving {previous} again instead of {live}.", cancellationToken);
        await jobs.UpdateAsync(job.Id, e => (e.TargetCollection, e.PreviousCollection, e.StartedAtUtc, e.FinishedAtUtc) = (previous, live, e.CreatedAtUtc, e.CreatedAtUtc), cancellationToken);
        return new ReindexRequestResult(await jobs.GetAsync(job.Id, cancellationToken), null);
    }

    public async Task<bool> CancelAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        var cancelled = runner.TryCancel(id) || await CancelStoredAsync(id, cancellationToken);
        if (cancelled)
        {
            await audit.RecordAsync(actor, AuditActions.ReindexCancelled, id.ToString(), cancellationToken: cancellationToken);
        }

        return cancelled;
    }

    private async Task<bool> CancelStoredAsync(Guid id, CancellationToken cancellationToken)
    {
        switch ((await jobs.GetAsync(id, cancellationToken))?.Status)
        {
            case ReindexStatus.Running:
                // Running on another instance: it sees the request at its next check, within a second or two.
                await jobs.UpdateAsync(id, e => e.CancelRequested = true, cancellationToken);
                return true;
            case ReindexStatus.Queued:
                await jobs.FinishAsync(id, ReindexStatus.Cancelled, "Cancelled before it started.", cancellationToken: cancellationToken);
                return true;
            default:
                return false;
        }
    }

    public Task<ReindexJob?> GetAsync(Guid id, CancellationToken cancellationToken = default) => jobs.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<ReindexJob>> ListAsync(int take = 50, CancellationToken cancellationToken = default) => jobs.ListAsync(take, cancellationToken);

    /// <summary>A running job's figures, from whichever instance asks: live here if this instance runs it, else as last stored.</summary>
    public ReindexProgress? ProgressOf(ReindexJob job) =>
        Current is { } current && current.JobId == job.Id ? current
        : job.Status == ReindexStatus.Running ? ReindexProgress.Stored(job, time.GetUtcNow())
        : null;
}
