namespace Workbench.Core.Evaluation.Campaigns;

public sealed class CampaignOptions
{
    public const string Section = "Campaigns";

    [Range(1, 10_000)]
    public int MaxQuestions { get; set; } = 1000;

    /// <summary>Bootstrap resamples behind the Bradley–Terry intervals.</summary>
    [Range(100, 100_000)]
    public int BootstrapResamples { get; set; } = 1000;
}
