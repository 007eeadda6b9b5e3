using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace Workbench.Core.Retrieval.Qdrant;

/// <summary>Qdrant's collections and aliases.</summary>
public sealed class QdrantIndexCatalog(QdrantClient client) : IIndexCatalog
{
    public async Task<string?> AliasTargetAsync(string alias, CancellationToken cancellationToken = default) =>
        (await client.ListAliasesAsync(cancellationToken)).FirstOrDefault(a => a.AliasName == alias)?.CollectionName;

    public Task<bool> ExistsAsync(string collection, CancellationToken cancellationToken = default) =>
        client.CollectionExistsAsync(collection, cancellationToken);

    public async Task<IReadOnlyList<string>> ListCollectionsAsync(CancellationToken cancellationToken = default) =>
        await client.ListCollectionsAsync(cancellationToken);

    public async Task PointAliasAsync(string alias, string collection, CancellationToken cancellationToken = default)
    {
        var operations = new List<AliasOperations>();
        if (await AliasTargetAsync(alias, cancellationToken) is not null)
        {
            operations.Add(new AliasOperations { DeleteAlias = new DeleteAlias { AliasName = alias } });
        }

        // Deleting and creating in one request is what makes the switch atomic: no question sees the alias missing.
        operations.Add(new AliasOperations { CreateAlias = new CreateAlias { AliasName = alias, CollectionName = collection } });
        await client.UpdateAliasesAsync(operations, cancellationToken: cancellationToken);
    }

    public Task DeleteCollectionAsync(string collection, CancellationToken cancellationToken = default) =>
        client.DeleteCollectionAsync(collection, cancellationToken: cancellationToken);
}
