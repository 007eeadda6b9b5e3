using Workbench.Core.Ingestion.Uploads;
using Workbench.Core.Retrieval;

namespace Workbench.Core.Indexing;

/// <summary>The admin page's read model of what is indexed.</summary>
public sealed class CorpusOverviews(IndexVersions versions, IPassageIndex index, ReindexJobStore jobs, CorpusUploads uploads)
{
    public async Task<CorpusOverview> GetAsync(CancellationToken cancellationToken = default)
    {
        var live = await versions.LiveAsync(cancellationToken);
        var passages = live is null ? 0 : await index.CountAsync(cancellationToken);
        var byType = passages == 0 ? new Dictionary<string, long>() : await index.CountDocumentsByAsync("type", cancellationToken);
        var bySpecialty = passages == 0 ? new Dictionary<string, long>() : await index.CountDocumentsByAsync("specialty", cancellationToken);
        return new CorpusOverview(live, passages, byType.Values.Sum(), byType, bySpecialty,
            await jobs.LastIndexedAsync(cancellationToken), await versions.ListAsync(cancellationToken), uploads.List());
    }
}
