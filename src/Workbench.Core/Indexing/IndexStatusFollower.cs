using Workbench.Core.Ingestion;
using Workbench.Core.Retrieval;

namespace Workbench.Core.Indexing;

/// <summary>
/// On an instance that does not run the background work, <see cref="IndexStatus"/> follows what the lease
/// holder stores: a first build in progress (nothing served yet) with its counts, a first build that failed,
/// or an index being served. So the ask page and <c>/api/health</c> of every instance say the same.
/// </summary>
public sealed class IndexStatusFollower(ReindexJobStore jobs, IndexVersions versions, IndexStatus status)
{
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        string? live;
        try
        {
            live = await versions.LiveAsync(cancellationToken);
        }
        catch (PassageIndexException)
        {
            // The lease holder reports an unreachable Qdrant; a follower keeps what it last saw.
            return;
        }

        if (live is not null)
        {
            if (status.State != IndexState.Ready)
            {
                status.Complete(null);
            }

            return;
        }

        var latest = (await jobs.ListAsync(take: 1, cancellationToken)).FirstOrDefault();
        if (latest is { Active: true, Mode: ReindexMode.Full })
        {
            if (status.State != IndexState.Indexing)
            {
                status.Start();
            }

            status.Report(new IndexingProgress(latest.DocumentsDone, latest.DocumentsTotal, latest.PassagesDone));
        }
        else if (latest is { Status: ReindexStatus.Failed or ReindexStatus.Cancelled, Message: { } message } && status.State != IndexState.Failed)
        {
            status.Fail(message);
        }
    }
}
