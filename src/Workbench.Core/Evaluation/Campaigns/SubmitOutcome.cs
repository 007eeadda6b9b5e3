namespace Workbench.Core.Evaluation.Campaigns;

public enum SubmitOutcome
{
    Saved,
    Invalid,
    NotFound,
    NotOpen,
}
