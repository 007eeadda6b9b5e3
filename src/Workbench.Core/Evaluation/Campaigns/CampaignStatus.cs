namespace Workbench.Core.Evaluation.Campaigns;

public enum CampaignStatus
{
    /// <summary>Answers are being generated; scoring has not started.</summary>
    Generating = 0,

    /// <summary>Every answer exists; raters score.</summary>
    Open = 1,

    /// <summary>Generation stopped on an error; it can be retried.</summary>
    Failed = 2,

    /// <summary>Scoring is over and the configurations are revealed.</summary>
    Closed = 3,
}
