using System.Text.Json.Nodes;

namespace Workbench.IntegrationTests;

/// <summary>Faults around a running app with a small corpus of its own: a broken file, Qdrant stopping.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private readonly QdrantFixture qdrant = new();
    private readonly TempFolder corpus = new("workbench-small-corpus-");
    private WorkbenchAppFactory app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        File.Copy(Path.Combine(RepositoryPaths.Corpus, "uspstf-low-dose-aspirin-preeclampsia-2021.md"), Path.Combine(corpus, "aspirin.md"));
        await File.WriteAllTextAsync(Path.Combine(corpus, "case-note.md"),
            "---\ntitle: Case note\norganisation: Test clinic\nyear: 2024\ntype: research\nspecialty: test\nurl: https://example.org/case\n---\n\n" +
            "## Note\nMr. Tomas Alvarez (MRN 00483921) was admitted on 03/14/2023 with preeclampsia at 34 weeks; call (617) 555-0134.\n");
        await File.WriteAllTextAsync(Path.Combine(corpus, "broken.md"), "---\ntitle: Broken\nyear: soon\n---\nText.");
        await qdrant.InitializeAsync();
        app = new WorkbenchAppFactory(qdrant, "faults");
        app.Overrides["Corpus:Directory"] = corpus;
        client = await app.ClientAsync(Roles.Admin);
        await app.WaitForIndexAsync(TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync()
    {
        try
        {
            await app.DisposeAsync();
        }
        finally
        {
            await qdrant.DisposeAsync();
            corpus.Dispose();
        }
    }

    [Fact]
    public async Task ABrokenCorpusFileIsSkippedAndReportedWhileTheRestIsServed()
    {
        using var health = await client.GetAsync("/api/health");
        using var asked = await client.PostAsJsonAsync("/api/ask", new { question = "What aspirin dose prevents preeclampsia?" });

        var report = JsonNode.Parse(await health.Content.ReadAsStringAsync())!["corpus"]!;
        Assert.Equal(2, report["documents"]!.GetValue<int>());
        var skipped = Assert.Single(report["skipped"]!.AsArray())!;
        Assert.Equal("broken.md", skipped["source"]!.GetValue<string>());
        Assert.Contains("'year' must be a year", skipped["message"]!.GetValue<string>());
        Assert.False(JsonNode.Parse(await asked.Content.ReadAsStringAsync())!["abstained"]!.GetValue<bool>());
    }

    [Fact]
    public async Task IdentifiersAreRedactedBeforeIndexingAndOnlyTheirKindsAreReported()
    {
        using var health = await client.GetAsync("/api/health");
        using var asked = await client.PostAsJsonAsync("/api/ask", new { question = "Tomas Alvarez admitted with preeclampsia at 34 weeks", topK = 10 });

        var body = await health.Content.ReadAsStringAsync();
        var deidentified = Assert.Single(JsonNode.Parse(body)!["corpus"]!["deidentified"]!.AsArray())!;
        Assert.Equal("case-note", deidentified["documentId"]!.GetValue<string>());
        var counts = deidentified["counts"]!.AsObject();
        Assert.Equal(1, counts.Single(c => c.Key.Equals("mrn", StringComparison.OrdinalIgnoreCase)).Value!.GetValue<int>());
        Assert.Equal(1, counts.Single(c => c.Key.Equals("name", StringComparison.OrdinalIgnoreCase)).Value!.GetValue<int>());
        Assert.DoesNotContain("Alvarez", body);
        var answer = await asked.Content.ReadAsStringAsync();
        Assert.Contains("Mr. [NAME] (MRN [MRN]) was admitted on [DATE]", answer);
        Assert.DoesNotContain("00483921", answer);
        Assert.DoesNotContain("555-0134", answer);
    }

    [Fact]
    public async Task WhenQdrantStopsAskAndHealthSayServiceUnavailableAndSavedRatingsSurvive()
    {
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
}
