namespace Workbench.Core.Evaluation.Campaigns;

/// <summary>The overall preference as the rater saw it: the left answer, the right one, a tie, or both bad.</summary>
public enum Preference
{
    Left,
    Right,
    Tie,
    BothBad,
}
