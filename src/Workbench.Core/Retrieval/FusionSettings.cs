namespace Workbench.Core.Retrieval;

/// <summary>How hybrid search combines the dense and sparse rankings; by default as <c>Ask:Fusion</c> does (linear).</summary>
public sealed record FusionSettings(FusionKind Kind = FusionKind.Linear, int? RrfK = null, double DenseWeight = 1, double SparseWeight = 0.005)
{
    public override string ToString() => Kind switch
    {
        FusionKind.Dbsf => "dbsf",
        FusionKind.Linear => $"linear(sparse×{SparseWeight:0.####})",
        _ => $"rrf{(RrfK is { } k ? $"(k={k})" : string.Empty)}{(DenseWeight == 1 ? string.Empty : $" dense×{DenseWeight:0.##}")}",
    };
}
