namespace Workbench.Core.Persistence;

/// <summary>One retriever's scores in one evaluation run.</summary>
public sealed class EvaluationResultEntity
{
    public long Id { get; set; }

    public Guid RunId { get; set; }

    public required string Dataset { get; set; }

    public DateTime RanAtUtc { get; set; }

    public required string Retriever { get; set; }

    public required string EmbeddingModel { get; set; }

    public int ChunkTokens { get; set; }

    public int OverlapTokens { get; set; }

    public int Documents { get; set; }

    public int Passages { get; set; }

    public int Questions { get; set; }

    public double Recall1 { get; set; }

    public double Recall5 { get; set; }

    public double Recall10 { get; set; }

    public double Mrr10 { get; set; }

    public double Ndcg10 { get; set; }

    public double P50Ms { get; set; }

    public double P95Ms { get; set; }
}
