using System.Globalization;
using System.Text.RegularExpressions;

namespace Workbench.Core.Retrieval;

/// <summary>
/// Blue/green versions of the passage index. Clinicians' questions go to the alias named by
/// <c>Qdrant:Collection</c>; a full reindex builds <c>{alias}-v{n}</c> and then moves the alias in one
/// atomic operation, so search never sees a half-built collection. Earlier versions are kept
/// for rollback. An index built before aliases (a plain collection with the alias's name) is served
/// as it is until the first version replaces it.
/// </summary>
public sealed partial class IndexVersions(IIndexCatalog catalog, IPassageIndex index, IOptions<QdrantOptions> options, ILogger<IndexVersions> logger)
{
    public string Alias => options.Value.Collection;

    /// <summary>The collection the alias points at; the alias's own name for a pre-alias index; null when nothing is served.</summary>
    public async Task<string?> LiveAsync(CancellationToken cancellationToken = default) =>
        await catalog.AliasTargetAsync(Alias, cancellationToken)
        ?? (await catalog.ExistsAsync(Alias, cancellationToken) ? Alias : null);

    public async Task<IReadOnlyList<IndexVersion>> ListAsync(CancellationToken cancellationToken = default)
    {
        var live = await LiveAsync(cancellationToken);
        var versions = new List<IndexVersion>();
        foreach (var name in await catalog.ListCollectionsAsync(cancellationToken))
        {
            if (Number(name) is { } number || name == Alias)
            {
                var count = await index.For(name).CountAsync(cancellationToken);
                versions.Add(new IndexVersion(name, Number(name) ?? 0, count, name == live));
            }
        }

        return versions.OrderByDescending(v => v.Number).ToList();
    }

    /// <summary>The name for the next version (one past the highest that exists or ever served).</summary>
    public async Task<string> NextNameAsync(CancellationToken cancellationToken = default)
    {
        var highest = (await catalog.ListCollectionsAsync(cancellationToken)).Select(Number).Max() ?? 0;
        return $"{Alias}-v{highest + 1}";
    }

    /// <summary>Points the alias at the collection, atomically when an alias already exists.</summary>
    public async Task SwitchAsync(string collection, CancellationToken cancellationToken = default)
    {
        if (await catalog.AliasTargetAsync(Alias, cancellationToken) is null && await catalog.ExistsAsync(Alias, cancellationToken))
        {
            // A pre-alias index holds the name: it must go before the alias can take it (a gap of milliseconds, once).
            logger.LogWarning("Replacing the pre-alias collection {Collection} by the alias", Alias);
            await catalog.DeleteCollectionAsync(Alias, cancellationToken);
        }

        await catalog.PointAliasAsync(Alias, collection, cancellationToken);
        logger.LogInformation("Index alias {Alias} now serves {Collection}", Alias, collection);
    }

    /// <summary>Serves the newest version older than the live one; null when there is none.</summary>
    public async Task<string?> RollbackAsync(CancellationToken cancellationToken = default)
    {
        var versions = await ListAsync(cancellationToken);
        var live = versions.FirstOrDefault(v => v.Live);
        var previous = versions.Where(v => v.Number > 0 && (live is null || v.Number < live.Number)).MaxBy(v => v.Number);
        if (previous is null)
        {
            return null;
        }

        await SwitchAsync(previous.Collection, cancellationToken);
        return previous.Collection;
    }

    /// <summary>Deletes versions older than the live one beyond the newest <paramref name="retain"/>.</summary>
    public async Task PruneAsync(int retain, CancellationToken cancellationToken = default)
    {
        var versions = await ListAsync(cancellationToken);
        var live = versions.FirstOrDefault(v => v.Live);
        if (live is null)
        {
            return;
        }

        foreach (var old in versions.Where(v => v.Number > 0 && v.Number < live.Number).OrderByDescending(v => v.Number).Skip(retain))
        {
            logger.LogInformation("Deleting old index version {Collection}", old.Collection);
            await catalog.DeleteCollectionAsync(old.Collection, cancellationToken);
        }
    }

    /// <summary>Deletes a version that is not live (an abandoned build).</summary>
    public async Task DeleteAsync(string collection, CancellationToken cancellationToken = default)
    {
        if (collection != Alias && await LiveAsync(cancellationToken) != collection && await catalog.ExistsAsync(collection, cancellationToken))
        {
            await catalog.DeleteCollectionAsync(collection, cancellationToken);
        }
    }

    /// <summary>Whether <paramref name="collection"/> is named as a version of this alias (<c>{alias}-v{n}</c>).</summary>
    public bool IsVersion(string collection) => Number(collection) is not null;

    private int? Number(string collection)
    {
        if (!collection.StartsWith(Alias + "-v", StringComparison.Ordinal))
        {
            return null;
        }

        return VersionSuffix().Match(collection[Alias.Length..]) is { Success: true } match
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;
    }

    [GeneratedRegex(@"^-v(\d{1,9})$")]
    private static partial Regex VersionSuffix();
}
