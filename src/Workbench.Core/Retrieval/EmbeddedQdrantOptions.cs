namespace Workbench.Core.Retrieval;

public sealed class EmbeddedQdrantOptions
{
    public bool Enabled { get; set; }

    public string BinaryPath { get; set; } = string.Empty;

    public string StoragePath { get; set; } = ".data/qdrant";
}
