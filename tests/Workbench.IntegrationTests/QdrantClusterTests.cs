using System.Text.Json.Nodes;
using Workbench.Core.Answering;
using Workbench.Core.Hosting;
using Workbench.Core.Indexing;
using Workbench.Core.Retrieval;

namespace Workbench.IntegrationTests;

/// <summary>
/// Qdrant in distributed mode: three real nodes on loopback joined peer to peer, the index built with
/// three shards replicated twice, and one node killed: every passage is still counted and found.
/// </summary>
public sealed class QdrantClusterTests : IAsyncLifetime
{
    private readonly TempFolder folder = new("workbench-cluster-");
    private readonly List<LocalQdrantServer> nodes = [];
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        var firstPeer = LocalQdrantServer.FreePort();
        for (var i = 0; i < 3; i++)
        {
            var p2p = i == 0 ? firstPeer : LocalQdrantServer.FreePort();
            nodes.Add(await LocalQdrantServer.StartAsync(RepositoryPaths.QdrantBinary, Path.Combine(folder, $"node{i}"), "127.0.0.1",
                LocalQdrantServer.FreePort(), LocalQdrantServer.FreePort(), cluster: new ClusterNode(p2p, i == 0 ? null : $"http://127.0.0.1:{firstPeer}")));
        }

        await WaitForPeersAsync(3);
        var corpus = RepositoryPaths.CopyCorpusSample(folder, 12);

        services = CoreServices.Build(nodes[0], "clustered", Path.Combine(folder, "workbench.db"), new Dictionary<string, string?>
        {
            ["Qdrant:ShardNumber"] = "3",
            ["Qdrant:ReplicationFactor"] = "2",
            ["Corpus:Directory"] = corpus,
        });
        await services.MigrateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    private async Task WaitForPeersAsync(int expected)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var cluster = JsonNode.Parse(await http.GetStringAsync($"http://{nodes[0].Host}:{nodes[0].HttpPort}/cluster"))!;
            if (cluster["result"]!["peers"]!.AsObject().Count == expected)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the nodes did not form a cluster within a minute");
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task WithOneOfThreeNodesKilledEveryPassageIsStillFoundAndQuestionsAreAnswered()
    {
        var reindex = services.GetRequiredService<ReindexService>();
        var built = (await reindex.RunToEndAsync(ReindexMode.Full, TestActor.Instance)).Job;
        Assert.Equal(ReindexStatus.Succeeded, built!.Status);

        using (var http = new HttpClient())
        {
            var info = JsonNode.Parse(await http.GetStringAsync($"http://{nodes[0].Host}:{nodes[0].HttpPort}/collections/clustered-v1/cluster"))!["result"]!;
            var shards = info["local_shards"]!.AsArray().Count + info["remote_shards"]!.AsArray().Count;
            Assert.Equal(6, shards); // 3 shards × 2 replicas
        }

        await nodes[2].DisposeAsync();

        var index = services.GetRequiredService<IPassageIndex>();
        Assert.Equal(built.PassagesDone, await index.CountAsync());
        var retrieval = await services.GetRequiredService<AskPipeline>().RetrieveAsync(new AskRequest("What is the first-line treatment for type 2 diabetes?"));
        Assert.NotEmpty(retrieval.Passages);
        var answer = await services.GetRequiredService<AskPipeline>().AskAsync(new AskRequest("At what age should screening start?"));
        Assert.NotEmpty(answer.Retrieved!);
    }
}
