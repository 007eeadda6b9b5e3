using System.Text.Json;
using System.Text.Json.Nodes;
using Workbench.Core.Answering;

namespace Workbench.IntegrationTests;

[Collection(IntegrationCollection.Name)]
public class ApiTests(IntegrationFixture fixture)
{
    private readonly HttpClient client = fixture.Clinician;

    private async Task<JsonNode> AskAsync(string question)
    {
        using var response = await client.PostAsJsonAsync("/api/ask", new { question, topK = 5 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task AskReturnsTheAnswerWithCitationsTimingsAndPipeline()
    {
        var answer = await AskAsync("Which vaccine is recommended against shingles for adults aged 50 and older?");

        Assert.False(answer["abstained"]!.GetValue<bool>());
        var citation = answer["citations"]!.AsArray()[0]!;
        Assert.Equal(1, citation["number"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(citation["passageId"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(citation["quote"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(citation["source"]!["title"]!.GetValue<string>()));
        Assert.StartsWith("https://", citation["source"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(citation["source"]!["year"]!.GetValue<int>() > 2000);
        Assert.True(citation["score"]!.GetValue<double>() > 0);
        Assert.Contains("[1]", answer["text"]!.GetValue<string>());
        Assert.True(answer["timings"]!["totalMs"]!.GetValue<double>() > 0);
        Assert.Equal("extractive", answer["pipeline"]!["composer"]!.GetValue<string>());
        Assert.Equal("hybrid", answer["pipeline"]!["retriever"]!.GetValue<string>());
        Assert.Equal("linear(sparse×0.005)", answer["pipeline"]!["fusion"]!.GetValue<string>());
        Assert.StartsWith("lexical", answer["pipeline"]!["reranker"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task AskRejectsAnEmptyQuestionWithProblemDetails(string? question)
    {
        using var response = await client.PostAsJsonAsync("/api/ask", new { question });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Type a question first.", problem["errors"]!["question"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task AskRejectsAQuestionOverTwoThousandCharacters()
    {
        using var response = await client.PostAsJsonAsync("/api/ask", new { question = new string('x', 2001) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("limit is 2,000", problem["errors"]!["question"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"question\":\"x\",\"topK\":0}", "topK")]
    [InlineData("{\"question\":\"x\",\"filters\":{\"type\":\"blog\"}}", "filters.type")]
    [InlineData("{\"question\":\"x\",\"filters\":{\"yearFrom\":2020,\"yearTo\":2010}}", "filters")]
    public async Task AskRejectsBadOptionsNamingTheField(string body, string field)
    {
        using var response = await client.PostAsync("/api/ask", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task ARatingIsSavedAndReturnedWithTheAnswer()
    {
        var answer = await AskAsync("When should statins be offered for primary prevention?");
        var id = answer["answerId"]!.GetValue<string>();

        using var rated = await client.PostAsJsonAsync($"/api/answers/{id}/ratings", new { score = 4, flags = new[] { "incomplete", "outdated" }, comment = "Missing the 2022 nuance." });
        using var read = await client.GetAsync($"/api/answers/{id}");

        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        var stored = JsonNode.Parse(await read.Content.ReadAsStringAsync())!;
        Assert.Equal(4, stored["rating"]!["score"]!.GetValue<int>());
        Assert.Equal("outdated, incomplete", stored["rating"]!["flags"]!.GetValue<string>());
        Assert.Equal("Missing the 2022 nuance.", stored["rating"]!["comment"]!.GetValue<string>());
        Assert.Equal(answer["text"]!.GetValue<string>(), stored["answer"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task EachRaterKeepsTheirOwnRatingAndEvaluatorsSeeEveryRatersLatest()
    {
        var id = (await AskAsync("When is aspirin recommended for primary prevention?"))["answerId"]!.GetValue<string>();

        (await client.PostAsJsonAsync($"/api/answers/{id}/ratings", new { score = 4 })).EnsureSuccessStatusCode();
        (await fixture.Evaluator.PostAsJsonAsync($"/api/answers/{id}/ratings", new { score = 1, flags = new[] { "unsafe" } })).EnsureSuccessStatusCode();

        var mine = JsonNode.Parse(await client.GetStringAsync($"/api/answers/{id}"))!;
        Assert.Equal(4, mine["rating"]!["score"]!.GetValue<int>());
        Assert.Null(mine["ratings"]);
        var all = JsonNode.Parse(await fixture.Evaluator.GetStringAsync($"/api/answers/{id}"))!;
        Assert.Equal(1, all["rating"]!["score"]!.GetValue<int>());
        Assert.Equal(["clinician 4", "evaluator 1"], all["ratings"]!.AsArray()
            .Select(r => $"{r!["rater"]!.GetValue<string>()} {r["rating"]!["score"]!.GetValue<int>()}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AQuestionIsStoredAndAuditedDeidentifiedButAnsweredInTheCliniciansWords()
    {
        const string question = "Should Mr. Tomas Alvarez (MRN: 00483921) start a statin for primary prevention?";

        var asked = await AskAsync(question);
        var id = asked["answerId"]!.GetValue<string>();
        var stored = JsonNode.Parse(await client.GetStringAsync($"/api/answers/{id}"))!["answer"]!["question"]!.GetValue<string>();
        var audited = (await fixture.Services.GetRequiredService<Workbench.Core.Security.AuditTrail>()
            .QueryAsync(new Workbench.Core.Security.AuditQuery(Action: Workbench.Core.Security.AuditActions.QuestionAsked, Take: 1000))).Events.Single(e => e.Target == id);

        Assert.Equal(question, asked["question"]!.GetValue<string>());
        // The de-identifier's own tests pin its placeholders; here what matters is that the name and the number are gone.
        Assert.DoesNotContain("Alvarez", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("00483921", stored, StringComparison.Ordinal);
        Assert.Contains("start a statin for primary prevention", stored, StringComparison.Ordinal);
        Assert.Equal(stored, audited.Detail);
    }

    [Fact]
    public async Task RatingsAreSummarisedPerPipelineConfigurationFromTheDatabase()
    {
        var answer = await AskAsync("What is the first-line drug for type 2 diabetes?");
        using var rated = await client.PostAsJsonAsync($"/api/answers/{answer["answerId"]!.GetValue<string>()}/ratings", new { score = 2, flags = new[] { "unsafe" } });
        rated.EnsureSuccessStatusCode();

        var summaries = await fixture.Services.GetRequiredService<AnswerStore>().SummariseRatingsAsync();

        var summary = Assert.Single(summaries);
        Assert.StartsWith("default v1 · hybrid + lexical", summary.Configuration);
        Assert.True(summary.Ratings >= 1);
        Assert.True(summary.Unsafe.Value > 0);
    }

    [Theory]
    [InlineData("{\"score\":0}", "score")]
    [InlineData("{\"score\":3,\"flags\":[\"boring\"]}", "flags")]
    [InlineData("{\"score\":3,\"flags\":[null]}", "flags")]
    [InlineData("{\"score\":3,\"flags\":[\"4\"]}", "flags")]
    [InlineData("{\"score\":3,\"flags\":[\"-1\"]}", "flags")]
    public async Task AnInvalidRatingIsRejectedAndNothingIsSaved(string body, string field)
    {
        var answer = await AskAsync("How is latent tuberculosis infection treated?");
        var id = answer["answerId"]!.GetValue<string>();

        using var response = await client.PostAsync($"/api/answers/{id}/ratings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        using var read = await client.GetAsync($"/api/answers/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![field]);
        Assert.Null(JsonNode.Parse(await read.Content.ReadAsStringAsync())!["rating"]);
    }

    [Fact]
    public async Task RatingAnAnswerThatDoesNotExistIsNotFound()
    {
        using var response = await client.PostAsJsonAsync($"/api/answers/{Guid.NewGuid()}/ratings", new { score = 3 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HealthReportsQdrantAndTheDatabase()
    {
        using var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("qdrant").GetProperty("passages").GetInt64() > 200);
        Assert.True(health.GetProperty("database").GetProperty("reachable").GetBoolean());
    }
}
