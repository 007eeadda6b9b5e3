using Workbench.Core.Ingestion;
using Workbench.Core.Retrieval;

namespace Workbench.Core.Indexing;

/// <summary>What the lease holder queues when it starts: the jobs a stopped process left, the first index, or a rebuild of an outdated one.</summary>
public sealed class IndexBootstrap(
    ReindexJobStore jobs, IndexVersions versions, IPassageIndex index, PassageIndexer indexer, IndexStatus status, ILogger<IndexBootstrap> logger)
{
    /// <summary>On start: resume what a stopped process left unfinished, and queue the first index when there is none (or a rebuild when it is outdated).</summary>
    public async Task ResumeOrBootstrapAsync(bool buildWhenEmpty, CancellationToken cancellationToken)
    {
        if (await jobs.ResumeUnfinishedAsync(cancellationToken) > 0)
        {
            return;
        }

        var live = await versions.LiveAsync(cancellationToken);
        if (buildWhenEmpty && (live is null || await index.CountAsync(cancellationToken) == 0))
        {
            await jobs.AddAsync(ReindexMode.Full, ReindexStatus.Queued, "first run", null, cancellationToken);
        }
        else if (live is not null && !await index.IsCompatibleAsync(indexer.Dimensions, cancellationToken))
        {
            // Built by an older version (no sparse vectors) or another model: it cannot answer; rebuild it as a new version.
            logger.LogWarning("The live index {Collection} has an outdated schema; rebuilding it", live);
            await jobs.AddAsync(ReindexMode.Full, ReindexStatus.Queued, "schema upgrade", null, cancellationToken);
        }
        else if (live is not null && !await index.IsCurrentAsync(cancellationToken))
        {
            // Indexed by older de-identification or sparse-encoding rules: re-derive every passage in place; only text that
            // changed is embedded again, the rest keeps its vector.
            logger.LogInformation("The live index {Collection} was built by older rules; reindexing what they change", live);
            await jobs.AddAsync(ReindexMode.Changed, ReindexStatus.Queued, "rules upgrade", null, cancellationToken);
        }
        else
        {
            status.Complete(null);
        }
    }
}
