namespace Workbench.Core.Persistence;

/// <summary>One composer's answer-quality scores in one answer evaluation run.</summary>
public sealed class AnswerEvaluationResultEntity
{
    public long Id { get; set; }

    public Guid RunId { get; set; }

    public required string Dataset { get; set; }

    public DateTime RanAtUtc { get; set; }

    public required string Composer { get; set; }

    public bool IsDefault { get; set; }

    public int Questions { get; set; }

    public int Probed { get; set; }

    public int Passages { get; set; }

    public double RougeLF1 { get; set; }

    public double TokenF1 { get; set; }

    public double GoldCitationRate { get; set; }

    public double CitationPrecision { get; set; }

    public double SupportedShare { get; set; }

    public double WordsP50 { get; set; }

    public double AbstentionRecall { get; set; }

    public double FalseAbstention { get; set; }

    public double P50Ms { get; set; }

    public double P95Ms { get; set; }
}
