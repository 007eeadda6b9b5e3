namespace Workbench.Core.Retrieval;

/// <summary>How a passage is identified and versioned in the passage index, whatever stores it.</summary>
public static class StoredPassages
{
    /// <summary>The hash stored with a passage: its content, then after a colon the sparse encoding's version.</summary>
    public static string IndexHash(Passage passage) => $"{passage.ContentHash}:{Derivation}";

    /// <summary>Whether a stored <see cref="IndexHash"/> is of this passage's content, whatever its sparse encoding.</summary>
    public static bool SameContent(string indexHash, Passage passage) => indexHash.Split(':')[0] == passage.ContentHash;

    /// <summary>Whether a stored <see cref="IndexHash"/> was derived by this version's rules.</summary>
    public static bool IsCurrent(string indexHash) => indexHash.EndsWith(":" + Derivation, StringComparison.Ordinal);

    /// <summary>The point id of a passage: stable, so indexing a passage again replaces it.</summary>
    public static Guid PointGuid(string passageId) => Hashing.StableGuid(passageId);

    /// <summary>The versions of the rules that derive a stored passage from its document besides the embedding model: sparse encoding and de-identification.</summary>
    private static string Derivation => $"sparse-v{SparseEncoder.Version}:deid-v{Deidentification.Deidentifier.RulesVersion}";
}
