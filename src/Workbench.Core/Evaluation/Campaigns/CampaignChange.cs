namespace Workbench.Core.Evaluation.Campaigns;

/// <summary>What became of a request to close or retry a campaign.</summary>
public enum CampaignChange
{
    Done,

    /// <summary>No such campaign, or not in the state the change needs (open to close, failed to retry).</summary>
    NotInState,

    /// <summary>The caller neither owns the campaign nor is an admin.</summary>
    NotAllowed,
}
