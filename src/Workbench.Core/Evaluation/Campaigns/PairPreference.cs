namespace Workbench.Core.Evaluation.Campaigns;

/// <summary>The preference in terms of the pair's configurations, once blinding is undone.</summary>
public enum PairPreference
{
    First,
    Second,
    Tie,
    BothBad,
}
