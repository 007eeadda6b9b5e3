using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workbench.TestSupport;

namespace Workbench.IntegrationTests;

/// <summary>Qdrant stops while the app runs: clear errors, and ratings already saved stay saved.</summary>
public class QdrantOutageTests
{
    [Fact]
    public async Task WhenQdrantStopsAskAndHealthSayServiceUnavailableAndSavedRatingsSurvive()
    {
        var qdrant = new QdrantFixture();
        await qdrant.InitializeAsync();
        var corpus = Directory.CreateTempSubdirectory("workbench-small-corpus-").FullName;
        File.Copy(Path.Combine(RepositoryPaths.Corpus, "uspstf-low-dose-aspirin-preeclampsia-2021.md"), Path.Combine(corpus, "aspirin.md"));
        await using var app = new WorkbenchAppFactory(qdrant, "outage");
        app.Overrides["Corpus:Directory"] = corpus;
        try
        {
            var client = app.CreateClient();
            await app.WaitForIndexAsync(TimeSpan.FromMinutes(1));
            using var asked = await client.PostAsJsonAsync("/api/ask", new { question = "What aspirin dose prevents preeclampsia?" });
            var id = JsonNode.Parse(await asked.Content.ReadAsStringAsync())!["answerId"]!.GetValue<string>();
            (await client.PostAsJsonAsync($"/api/answers/{id}/ratings", new { score = 5 })).EnsureSuccessStatusCode();

            await qdrant.Server.DisposeAsync();

            using var failedAsk = await client.PostAsJsonAsync("/api/ask", new { question = "What aspirin dose prevents preeclampsia?" });
            using var health = await client.GetAsync("/api/health");
            using var saved = await client.GetAsync($"/api/answers/{id}");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, failedAsk.StatusCode);
            Assert.Contains("not reachable", JsonNode.Parse(await failedAsk.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.False(JsonNode.Parse(await health.Content.ReadAsStringAsync())!["qdrant"]!["reachable"]!.GetValue<bool>());
            Assert.Equal(5, JsonNode.Parse(await saved.Content.ReadAsStringAsync())!["rating"]!["score"]!.GetValue<int>());
        }
        finally
        {
            Directory.Delete(corpus, recursive: true);
            await qdrant.DisposeAsync();
        }
    }
}
