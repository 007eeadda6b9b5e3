using Workbench.Core.Evaluation.Campaigns;
using Workbench.Core.Hosting;
using Workbench.Core.Indexing;

namespace Workbench.IntegrationTests;

/// <summary>Qdrant going away under a campaign's generation and under a reindex: both say so, and keep what they had.</summary>
public sealed class OutageTests : IAsyncLifetime
{
    private readonly QdrantFixture qdrant = new();
    private readonly TempFolder folder = new("workbench-outage-");
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        var corpus = RepositoryPaths.CopyCorpusSample(folder, 4);

        await qdrant.InitializeAsync();
        services = CoreServices.Build(qdrant, "outage", Path.Combine(folder, "workbench.db"), new Dictionary<string, string?>
        {
            ["Corpus:Directory"] = corpus,
            ["Ask:Variants:0:Name"] = "dense-only",
            ["Ask:Variants:0:Retriever"] = "Dense",
            ["Ask:Variants:0:Reranker"] = "None",
        });
        await services.MigrateDatabaseAsync();
        var reindex = services.GetRequiredService<ReindexService>();
        Assert.Equal(ReindexStatus.Succeeded, (await reindex.RunToEndAsync(ReindexMode.Full, TestActor.Instance)).Job!.Status);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await qdrant.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task WithQdrantDownACampaignFailsWithAReasonAndAReindexFailsLeavingTheJobHistoryHonest()
    {
        var campaigns = services.GetRequiredService<CampaignService>();
        var created = await campaigns.CreateAsync(new CampaignRequest("Outage", ["default", "dense-only"], ["ana"], "Who should be screened?\nWhat dose?", QuestionSetFormat.Lines), TestActor.Instance);
        await qdrant.Server.DisposeAsync();

        await services.GetRequiredService<CampaignGenerator>().GenerateAsync(created.Id!.Value, CancellationToken.None);
        var campaign = await services.GetRequiredService<CampaignStore>().GetAsync(created.Id.Value);
        Assert.Equal(CampaignStatus.Failed, campaign!.Status);
        Assert.Contains("not reachable", campaign.Error);
        Assert.Contains("retry", campaign.Error);

        var reindex = services.GetRequiredService<ReindexService>();
        Assert.Contains("not reachable", (await reindex.StartAsync(ReindexMode.Changed, TestActor.Instance)).Conflict);
        Assert.Contains("nothing was rolled back", (await reindex.StartAsync(ReindexMode.Rollback, TestActor.Instance)).Conflict);
        var failed = (await reindex.RunToEndAsync(ReindexMode.Full, TestActor.Instance)).Job!;
        Assert.Equal(ReindexStatus.Failed, failed.Status);
        Assert.Contains("Qdrant is not reachable", failed.Message);
        Assert.Contains("live index was not changed", failed.Message);
    }
}
