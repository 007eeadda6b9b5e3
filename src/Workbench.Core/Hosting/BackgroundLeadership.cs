using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Workbench.Core.Persistence;

namespace Workbench.Core.Hosting;

/// <summary>
/// With several web instances on one database, background work (reindex jobs, campaign generation) runs on
/// exactly one of them: the holder of a lease row, renewed well before it expires. The others take
/// requests and queue work in the database; when the holder stops (its lease is released) or dies (its
/// lease expires), one of them takes over and resumes what was unfinished. On a single instance the
/// lease is simply always held.
/// </summary>
public sealed class BackgroundLeadership(IDbContextFactory<WorkbenchDbContext> contexts, TimeProvider time, IOptions<ScaleOutOptions> options, ILogger<BackgroundLeadership> logger)
    : BackgroundService
{
    public const string LeaseName = "background-work";

    private readonly TaskCompletionSource leading = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>This instance, as recorded in the lease.</summary>
    public string Holder { get; } = $"{Environment.MachineName[..Math.Min(Environment.MachineName.Length, 100)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public bool IsLeader { get; private set; }

    /// <summary>Completes once this instance holds the lease.</summary>
    public Task WaitUntilLeaderAsync(CancellationToken cancellationToken) => leading.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// Waits until work is queued on this instance or the poll interval has passed, and empties the queue:
    /// the background loops find their work in the database, a local queue only wakes them early.
    /// </summary>
    public async Task WaitForWorkAsync<T>(ChannelReader<T> signals, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.PollSeconds));
        try
        {
            await signals.WaitToReadAsync(timeout.Token);
            while (signals.TryRead(out _))
            {
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Poll interval over: look in the database for work queued on other instances.
        }
    }

    /// <summary>Takes the lease if it is free or expired, or renews it if this instance holds it.</summary>
    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now.AddSeconds(options.Value.LeaseSeconds);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One UPDATE decides between competing instances: the database applies it to the row atomically.
        var taken = await db.Leases.Where(l => l.Name == LeaseName && (l.Holder == Holder || l.ExpiresAtUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, Holder).SetProperty(l => l.ExpiresAtUtc, until), cancellationToken);
        if (taken == 0 && !await db.Leases.AnyAsync(l => l.Name == LeaseName, cancellationToken))
        {
            db.Leases.Add(new LeaseEntity { Name = LeaseName, Holder = Holder, ExpiresAtUtc = until });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                taken = 1;
            }
            catch (DbUpdateException)
            {
                // Another instance created it first.
            }
        }

        return taken == 1;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var renew = TimeSpan.FromSeconds(Math.Max(1, options.Value.LeaseSeconds / 3.0));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var held = await TryAcquireAsync(stoppingToken);
                if (held != IsLeader)
                {
                    logger.LogInformation(held ? "This instance now runs the background work ({Holder})" : "Another instance took over the background work from {Holder}", Holder);
                }

                IsLeader = held;
                if (held)
                {
                    leading.TrySetResult();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be briefly away; the lease outlives a few missed renewals.
                logger.LogWarning(ex, "Renewing the background-work lease failed");
            }

            try
            {
                await Task.Delay(renew, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!IsLeader)
        {
            return;
        }

        // Let another instance take over at once rather than when the lease expires. Best effort: the host's
        // stop token may already be spent by slower services, and an unreleased lease still expires.
        using var release = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await using var db = await contexts.CreateDbContextAsync(release.Token);
            await db.Leases.Where(l => l.Name == LeaseName && l.Holder == Holder)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAtUtc, DateTime.MinValue), release.Token);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Releasing the background-work lease failed; another instance takes over when it expires");
        }

        IsLeader = false;
    }
}
