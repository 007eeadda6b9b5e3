namespace Workbench.Core.Indexing;

/// <summary>Live figures of the running job, updated after every batch.</summary>
public sealed record ReindexProgress(Guid JobId, int DocumentsDone, int DocumentsTotal, int PassagesDone, double PassagesPerSecond, TimeSpan? Remaining)
{
    public double Percent => DocumentsTotal == 0 ? 0 : 100.0 * DocumentsDone / DocumentsTotal;

    /// <summary>
    /// The figures of a running job as stored with it (every second), for the instances that do not run it:
    /// the rate is taken over the whole run, so it is steadier and a little slower to follow changes.
    /// </summary>
    public static ReindexProgress Stored(ReindexJob job, DateTimeOffset now)
    {
        var elapsed = now - (job.StartedAt ?? now);
        TimeSpan? remaining = job.DocumentsDone == 0 ? null : elapsed / job.DocumentsDone * (job.DocumentsTotal - job.DocumentsDone);
        return new ReindexProgress(job.Id, job.DocumentsDone, job.DocumentsTotal, job.PassagesDone, job.PassagesDone / Math.Max(elapsed.TotalSeconds, 0.001), remaining);
    }
}
