using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Workbench.Core.Persistence;

namespace Workbench.Core.Indexing;

/// <summary>
/// Reindex jobs as rows: the database is the queue (whichever instance asked, the lease holder runs the
/// oldest unfinished job) and the record of progress, so every instance sees the same jobs and figures.
/// </summary>
public sealed class ReindexJobStore(IDbContextFactory<WorkbenchDbContext> contexts, TimeProvider time, ILogger<ReindexJobStore> logger)
{
    // A job queued here wakes this instance's runner at once; the rows are the queue, so a dropped wake-up loses nothing.
    private readonly Channel<bool> wakeups = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Raised whenever a job row changes.</summary>
    public event Action? Changed;

    /// <summary>Signals that a job was queued on this instance.</summary>
    public ChannelReader<bool> Wakeups => wakeups.Reader;

    public async Task<ReindexJob> AddAsync(ReindexMode mode, ReindexStatus initial, string requestedBy, string? message, CancellationToken cancellationToken)
    {
        var entity = new ReindexJobEntity { Id = Guid.NewGuid(), Mode = mode, Status = initial, RequestedBy = requestedBy, CreatedAtUtc = Now, Message = message };
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.ReindexJobs.Add(entity);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (initial == ReindexStatus.Queued)
        {
            wakeups.Writer.TryWrite(true);
        }

        Changed?.Invoke();
        return ReindexJob.From(entity);
    }

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

    /// <summary>The job to run next, or the one running: the oldest queued or interrupted one, whichever instance asked for it.</summary>
    public async Task<ReindexJob?> ActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await db.ReindexJobs.AsNoTracking()
            .Where(j => j.Status == ReindexStatus.Queued || j.Status == ReindexStatus.Running)
            .OrderBy(j => j.CreatedAtUtc).FirstOrDefaultAsync(cancellationToken);
        return entity is null ? null : ReindexJob.From(entity);
    }

    /// <summary>When the last build or reindex (not a rollback) succeeded.</summary>
    public async Task<DateTimeOffset?> LastIndexedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var last = await db.ReindexJobs.AsNoTracking().Where(j => j.Status == ReindexStatus.Succeeded && j.Mode != ReindexMode.Rollback)
            .OrderByDescending(j => j.FinishedAtUtc).Select(j => j.FinishedAtUtc).FirstOrDefaultAsync(cancellationToken);
        return StoredTime.Utc(last);
    }

    /// <summary>Counts a resume for every job a stopped process left running; the number of unfinished jobs.</summary>
    public async Task<int> ResumeUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var unfinished = await db.ReindexJobs.Where(j => j.Status == ReindexStatus.Queued || j.Status == ReindexStatus.Running)
            .OrderBy(j => j.CreatedAtUtc).ToListAsync(cancellationToken);
        foreach (var job in unfinished)
        {
            logger.LogInformation("Resuming reindex job {Job} ({Mode}, {Done} of {Total} documents done before the stop)", job.Id, job.Mode, job.DocumentsDone, job.DocumentsTotal);
            job.Resumes += job.Status == ReindexStatus.Running ? 1 : 0;
        }

        await db.SaveChangesAsync(cancellationToken);
        return unfinished.Count;
    }

    public async Task UpdateAsync(Guid id, Action<ReindexJobEntity> change, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var entity = await db.ReindexJobs.FirstAsync(j => j.Id == id, cancellationToken);
            change(entity);
            await db.SaveChangesAsync(cancellationToken);
        }

        Changed?.Invoke();
    }

    /// <summary>Ends a job with an outcome and a message, with its last counts when it got that far.</summary>
    public Task FinishAsync(Guid id, ReindexStatus outcome, string message, ReindexProgress? progress = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, e =>
        {
            (e.Status, e.FinishedAtUtc, e.Message) = (outcome, Now, message);
            if (progress is not null)
            {
                (e.DocumentsDone, e.PassagesDone) = (progress.DocumentsDone, progress.PassagesDone);
            }
        }, cancellationToken);

    /// <summary>
    /// While a job runs: its counts go to the database every second (admins on other instances, and the
    /// history after a crash, see them), and a cancel asked for on another instance is picked up.
    /// </summary>
    public async Task SyncWhileRunningAsync(Guid id, Func<ReindexProgress?> progress, CancellationTokenSource cancel, CancellationToken finished)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(finished))
            {
                try
                {
                    await using var db = await contexts.CreateDbContextAsync(finished);
                    if (progress() is { } current && current.JobId == id)
                    {
                        // Only while running: the final counts, written when the job ends, must not be overwritten.
                        await db.ReindexJobs.Where(j => j.Id == id && j.Status == ReindexStatus.Running).ExecuteUpdateAsync(s => s
                            .SetProperty(j => j.DocumentsDone, current.DocumentsDone)
                            .SetProperty(j => j.PassagesDone, current.PassagesDone), finished);
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

    /// <summary>The time stamps jobs are stored with.</summary>
    public DateTime Now => time.GetUtcNow().UtcDateTime;
}
