namespace Workbench.Core.Retrieval;

public sealed class QdrantOptions : IValidatableObject
{
    public const string Section = "Qdrant";

    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int HttpPort { get; set; } = 6333;

    [Range(1, 65535)]
    public int GrpcPort { get; set; } = 6334;

    public bool Https { get; set; }

    public string? ApiKey { get; set; }

    [Required]
    [RegularExpression("^[A-Za-z0-9_-]+$")]
    public string Collection { get; set; } = "passages";

    /// <summary>Shards of each new index version; more than one spreads it over a cluster's nodes.</summary>
    [Range(1, 64)]
    public int ShardNumber { get; set; } = 1;

    /// <summary>Copies of each shard on different nodes: 2 or more keeps a cluster answering when a node is lost.</summary>
    [Range(1, 8)]
    public int ReplicationFactor { get; set; } = 1;

    /// <summary>When enabled, the app starts its own Qdrant process and stops it on shutdown.</summary>
    public EmbeddedQdrantOptions Embedded { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Embedded.Enabled && (string.IsNullOrWhiteSpace(Embedded.BinaryPath) || !File.Exists(Embedded.BinaryPath)))
        {
            yield return new ValidationResult(
                $"Qdrant:Embedded:BinaryPath '{Embedded.BinaryPath}' does not exist. Run scripts/setup.sh, or set Qdrant:Embedded:Enabled=false and point Qdrant:Host at a running server.",
                [nameof(Embedded)]);
        }
    }
}
