namespace Workbench.Core.Ingestion;

public sealed class ChunkingOptions
{
    public const string Section = "Chunking";

    /// <summary>Largest passage, in the embedding model's own tokens (the model reads at most 512).</summary>
    [Range(32, 480)]
    public int MaxTokens { get; set; } = 200;

    /// <summary>Tokens of trailing sentences repeated at the start of the next passage of the same section.</summary>
    [Range(0, 200)]
    public int OverlapTokens { get; set; } = 40;
}
