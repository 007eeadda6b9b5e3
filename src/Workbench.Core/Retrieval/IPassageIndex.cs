namespace Workbench.Core.Retrieval;

/// <summary>
/// The passage index: one entry per passage with its dense vector (the embedding model), its sparse lexical
/// vector, its source metadata and <see cref="StoredPassages.IndexHash"/>, in a named collection (or the
/// alias serving one). Failures surface as <see cref="PassageIndexException"/>s.
/// </summary>
public interface IPassageIndex
{
    /// <summary>The collection (or alias) this index reads and writes.</summary>
    string Collection { get; }

    /// <summary>The same index on another collection (a version being built, or an evaluation's own).</summary>
    IPassageIndex For(string collection);

    /// <summary>Whether the collection exists with this schema: dense vectors of the model's size and the sparse vectors.</summary>
    Task<bool> IsCompatibleAsync(int dimensions, CancellationToken cancellationToken = default);

    /// <summary>Creates the collection, or rebuilds one made for an older schema.</summary>
    Task EnsureCollectionAsync(int dimensions, CancellationToken cancellationToken = default);

    /// <summary>Passages in the collection; 0 when there is none.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>Per value of a keyword field, how many documents have it (counting each document's first passage).</summary>
    Task<IReadOnlyDictionary<string, long>> CountDocumentsByAsync(string field, CancellationToken cancellationToken = default);

    /// <summary>Deletes the passages of documents that are no longer in the corpus.</summary>
    Task DeleteDocumentsExceptAsync(IReadOnlyCollection<string> keep, CancellationToken cancellationToken = default);

    /// <summary>The stored <see cref="StoredPassages.IndexHash"/> of each of the given passages that is already indexed, by passage id.</summary>
    Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(IReadOnlyList<Passage> passages, CancellationToken cancellationToken = default);

    /// <summary>
    /// The dense vectors stored for those of the passages whose content is unchanged, whatever sparse
    /// encoding they were stored with: the dense vector depends on the content alone.
    /// </summary>
    Task<IReadOnlyDictionary<string, ReadOnlyMemory<float>>> GetReusableVectorsAsync(IReadOnlyList<Passage> passages, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether the passages stored were derived by this version's rules (true when there are none). One passage tells:
    /// a reindex rewrites every passage whose <see cref="StoredPassages.IndexHash"/> differs, so an index is all old or
    /// all current unless a reindex was cancelled half way.
    /// </summary>
    Task<bool> IsCurrentAsync(CancellationToken cancellationToken = default);

    Task UpsertAsync(IReadOnlyList<(Passage Passage, ReadOnlyMemory<float> Vector)> items, CancellationToken cancellationToken = default);

    /// <summary>Removes passages that new versions of the documents no longer have (they got shorter), in one call.</summary>
    Task DeleteStalePassagesAsync(IReadOnlyList<(string DocumentId, int PassageCount)> documents, CancellationToken cancellationToken = default);

    /// <summary>
    /// The ranking alone, each hit with its dense cosine similarity to the question (and its term ids when asked):
    /// fused scores are ranks, not evidence, and abstention needs evidence. Passages are loaded afterwards
    /// (<see cref="LoadAsync"/>), so re-ranking many candidates only loads the text of those kept.
    /// </summary>
    Task<IReadOnlyList<SearchHit>> FindAsync(PassageQuery query, CancellationToken cancellationToken = default);

    /// <summary>The dense vectors of the passages nearest to a query vector, nearest first (for pseudo-relevance feedback).</summary>
    Task<IReadOnlyList<float[]>> NearestDenseVectorsAsync(ReadOnlyMemory<float> dense, int count, SearchFilters filters, CancellationToken cancellationToken = default);

    /// <summary>
    /// The passages of the hits, in the hits' order. A hit whose passage has gone since it was found (a
    /// reindex switched versions in between) is left out.
    /// </summary>
    Task<IReadOnlyList<RetrievedPassage>> LoadAsync(IReadOnlyList<SearchHit> hits, CancellationToken cancellationToken = default);

    /// <summary>Passages ranked by the chosen retriever, loaded: <see cref="FindAsync"/> then <see cref="LoadAsync"/>.</summary>
    async Task<IReadOnlyList<RetrievedPassage>> SearchAsync(PassageQuery query, CancellationToken cancellationToken = default) =>
        await LoadAsync(await FindAsync(query, cancellationToken), cancellationToken);
}
