namespace Workbench.Core.Retrieval;

/// <summary>
/// The collections of the vector store and the alias that serves one of them: what <see cref="IndexVersions"/>
/// needs to build versions beside the live one and switch between them. Failures surface as
/// <see cref="PassageIndexException"/>s.
/// </summary>
public interface IIndexCatalog
{
    /// <summary>The collection the alias points at; null when there is no such alias.</summary>
    Task<string?> AliasTargetAsync(string alias, CancellationToken cancellationToken = default);

    /// <summary>Whether a collection of this name exists (an alias is not a collection).</summary>
    Task<bool> ExistsAsync(string collection, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> ListCollectionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Points the alias at the collection in one atomic operation, replacing where it pointed before.</summary>
    Task PointAliasAsync(string alias, string collection, CancellationToken cancellationToken = default);

    Task DeleteCollectionAsync(string collection, CancellationToken cancellationToken = default);
}
