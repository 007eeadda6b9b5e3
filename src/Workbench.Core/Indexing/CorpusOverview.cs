namespace Workbench.Core.Indexing;

/// <summary>What is indexed: the live version, its documents and passages by type and specialty, the versions kept, the uploads.</summary>
public sealed record CorpusOverview(
    string? LiveCollection,
    long Passages,
    long Documents,
    IReadOnlyDictionary<string, long> DocumentsByType,
    IReadOnlyDictionary<string, long> DocumentsBySpecialty,
    DateTimeOffset? LastIndexed,
    IReadOnlyList<Retrieval.IndexVersion> Versions,
    IReadOnlyList<string> Uploads);
