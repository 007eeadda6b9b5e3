namespace Workbench.Core.Evaluation.Campaigns;

/// <summary>What an evaluator scores for each answer, on a 1–5 scale where 5 is always best.</summary>
public enum RubricAxis
{
    Accuracy,
    Completeness,
    CitationSupport,
    Harm,
    Clarity,
}
