using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workbench.Core.Evaluation.Campaigns;
using Workbench.Core.Persistence;
using Workbench.Core.Answering;
using Workbench.Web.Api;

namespace Workbench.IntegrationTests;

/// <summary>Campaigns end to end through the API: real Qdrant, real SQLite, the app's background generation.</summary>
[Collection(IntegrationCollection.Name)]
public class CampaignTests(IntegrationFixture fixture)
{
    private readonly HttpClient client = fixture.Evaluator;

    /// <summary>Three questions, one pair each: three items, so two raters per item of three gives every rater two.</summary>
    private const string ThreeQuestions = "Which vaccine protects adults over 50 against shingles?\nWhat blood pressure target does SPRINT support?\nWhat is the capital of France?";

    private static readonly string[] TwoQuestions = ["Which vaccine protects adults over 50 against shingles?", "What blood pressure target does SPRINT support?"];

    private static object Score(int value) => new { accuracy = value, completeness = value, citationSupport = value, harm = value, clarity = value };

    private async Task<Guid> CreateOpenCampaignAsync(string name, params string[] raters)
    {
        using var created = await client.PostAsJsonAsync("/api/campaigns", new
        {
            name,
            configurations = new[] { "default", "dense-only" },
            raters,
            questions = string.Join('\n', TwoQuestions),
            format = "lines",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadApiAsync<CampaignCreated>()).Id;

        var campaign = await ApiPolling.WaitForOpenCampaignAsync(client, id);
        Assert.Equal(4, campaign.AnswersDone);
        return id;
    }

    [Fact]
    public async Task OnlyTheOwnerOrAnAdminCanCloseACampaign()
    {
        var id = await CreateOpenCampaignAsync("Owned", "ana");

        using var byAnotherEvaluator = await fixture.Rater("ben").PostAsync($"/api/campaigns/{id}/close", null);
        Assert.Equal(HttpStatusCode.Forbidden, byAnotherEvaluator.StatusCode);
        Assert.Equal(CampaignStatus.Open, (await client.GetApiAsync<CampaignResponse>($"/api/campaigns/{id}")).Status);

        using var byAdmin = await fixture.Admin.PostAsync($"/api/campaigns/{id}/close", null);
        Assert.Equal(HttpStatusCode.NoContent, byAdmin.StatusCode);
    }

    [Fact]
    public async Task GeneratesEveryConfigurationsAnswerThroughThePipelineAndKeepsThemOutOfTheAskHistory()
    {
        var id = await CreateOpenCampaignAsync("Generation", "ana");

        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync();
        var links = await db.CampaignAnswers.Where(a => a.CampaignId == id).ToListAsync();
        var answers = await db.Answers.Where(a => links.Select(l => l.AnswerId).Contains(a.Id)).ToListAsync();
        Assert.Equal(4, answers.Count);
        Assert.All(answers, a => Assert.Equal(AnswerOrigin.Campaign, a.Origin));
        Assert.Equal(["default", "default", "dense-only", "dense-only"], answers.Select(a => a.PipelineName).Order());
        Assert.Contains(answers, a => a.PipelineJson.Contains("\"retriever\":\"dense\"", StringComparison.Ordinal));

        var history = await fixture.Services.GetRequiredService<AnswerStore>().ListRecentAsync((await fixture.App.UserAsync("evaluator")).Id, 500);
        Assert.DoesNotContain(history, h => answers.Any(a => a.Id == h.Id));
    }

    [Fact]
    public async Task WhatARaterReceivesRevealsNoConfigurationUntilTheCampaignIsClosed()
    {
        var id = await CreateOpenCampaignAsync("Blinding", "ana");
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync();
        var answerIds = await db.CampaignAnswers.Where(a => a.CampaignId == id).Select(a => a.AnswerId).ToListAsync();

        var item = await fixture.Rater("ana").GetStringAsync($"/api/campaigns/{id}/raters/ana/items/next");

        Assert.Contains("\"left\"", item);
        // Each rater's queue is shuffled, so the first item is either question.
        var question = JsonNode.Parse(item)!["question"]!.GetValue<string>();
        Assert.Contains(question, TwoQuestions);
        foreach (var secret in new[] { "default", "dense-only", "dense", "hybrid", "pipeline", "extractive", "composer" })
        {
            Assert.DoesNotContain(secret, item, StringComparison.OrdinalIgnoreCase);
        }

        Assert.All(answerIds, answerId => Assert.DoesNotContain(answerId.ToString(), item, StringComparison.OrdinalIgnoreCase));
        using var results = await client.GetAsync($"/api/campaigns/{id}/results");
        Assert.Equal(HttpStatusCode.Conflict, results.StatusCode);
        using var csv = await client.GetAsync($"/api/campaigns/{id}/judgements.csv");
        Assert.Equal(HttpStatusCode.Conflict, csv.StatusCode);
    }

    [Fact]
    public async Task TwoRatersScoringAtOnceKeepBothJudgementsAndResultsFollowTheUnblindedPreferences()
    {
        var id = await CreateOpenCampaignAsync("Two raters", "ana", "ben");

        // Both raters prefer the answer shown on their left for item 0 at the same moment; layouts differ per rater.
        var leftOf = new Dictionary<string, JsonNode>();
        foreach (var rater in new[] { "ana", "ben" })
        {
            leftOf[rater] = (await fixture.Rater(rater).GetFromJsonAsync<JsonObject>($"/api/campaigns/{id}/raters/{rater}/items/0"))!["left"]!;
        }

        var submissions = new[] { "ana", "ben" }.Select(rater => fixture.Rater(rater).PostAsJsonAsync($"/api/campaigns/{id}/raters/{rater}/judgements",
            new { item = 0, left = Score(5), right = Score(2), preference = "left", comment = $"{rater} prefers left" }));
        foreach (var response in await Task.WhenAll(submissions))
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        // Ana changes her mind: her judgement is replaced, Ben's is untouched.
        using var again = await fixture.Rater("ana").PostAsJsonAsync($"/api/campaigns/{id}/raters/ana/judgements",
            new { item = 0, left = Score(5), right = Score(2), preference = "left", comment = "ana, second thoughts" });
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        var next = await fixture.Rater("ana").GetFromJsonAsync<JsonObject>($"/api/campaigns/{id}/raters/ana/items/next");
        Assert.NotEqual(0, next!["item"]!.GetValue<int>());
        Assert.Equal(1, next["scored"]!.GetValue<int>());

        using var close = await client.PostAsync($"/api/campaigns/{id}/close", null);
        Assert.Equal(HttpStatusCode.NoContent, close.StatusCode);
        var results = await client.GetFromJsonAsync<JsonObject>($"/api/campaigns/{id}/results");

        var judgements = results!["judgements"]!.AsArray();
        Assert.Equal(2, judgements.Count);
        Assert.Equal(["ana, second thoughts", "ben prefers left"], judgements.Select(j => j!["comment"]!.GetValue<string>()).Order());
        // Whichever configuration each rater saw on the left is the one recorded as preferred and scored 5.
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync();
        foreach (var judgement in judgements)
        {
            var rater = judgement!["rater"]!.GetValue<string>();
            var preferred = judgement["preference"]!.GetValue<string>() == "first" ? judgement["first"]! : judgement["second"]!;
            var leftSentence = leftOf[rater]["sentences"]!.AsArray().FirstOrDefault()?["text"]?.GetValue<string>()
                ?? leftOf[rater]["abstentionReason"]!.GetValue<string>();
            var question = judgement["question"]!.GetValue<string>();
            var producedLeft = await db.Answers.Where(a => a.Question == question && a.Origin == AnswerOrigin.Campaign)
                .Where(a => a.Text.Contains(leftSentence) || a.AbstentionReason == leftSentence).Select(a => a.PipelineName).ToListAsync();
            Assert.Contains(preferred.GetValue<string>().Split(' ')[0], producedLeft);
        }

        var ranking = results["results"]!["ranking"]!.AsArray();
        Assert.Equal(2, ranking.Count);
        var judgementsCsv = await client.GetStringAsync($"/api/campaigns/{id}/judgements.csv");
        Assert.Equal(3, judgementsCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("bradley_terry", await client.GetStringAsync($"/api/campaigns/{id}/results.csv"));

        using var late = await fixture.Rater("ben").PostAsJsonAsync($"/api/campaigns/{id}/raters/ben/judgements",
            new { item = 1, left = Score(3), right = Score(3), preference = "tie" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task AMalformedQuestionFileIsRejectedWithItsLineNumbersAndNothingIsCreated()
    {
        var before = (await client.GetFromJsonAsync<JsonArray>("/api/campaigns"))!.Count;

        using var response = await client.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Broken",
            configurations = new[] { "default", "dense-only" },
            raters = new[] { "ana" },
            questions = "{\"question\":\"Fine?\"}\n{broken\n{\"question\":\"Also fine?\"}\n{\"text\":\"no question\"}",
            format = "jsonl",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var messages = problem["errors"]!["questions"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.Contains(messages, m => m.StartsWith("line 2:", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("line 4:", StringComparison.Ordinal));
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonArray>("/api/campaigns"))!.Count);
    }

    [Fact]
    public async Task InvalidJudgementsAreRejectedWithTheFieldsAtFault()
    {
        var id = await CreateOpenCampaignAsync("Validation", "ana");

        using var incomplete = await fixture.Rater("ana").PostAsJsonAsync($"/api/campaigns/{id}/raters/ana/judgements",
            new { item = 0, left = new { accuracy = 5 }, right = Score(6) });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var errors = JsonNode.Parse(await incomplete.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal(["left", "preference", "right"], errors.Select(e => e.Key).Order());

        using var stranger = await fixture.Rater("mallory").PostAsJsonAsync($"/api/campaigns/{id}/raters/mallory/judgements",
            new { item = 0, left = Score(5), right = Score(5), preference = "tie" });
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        using var strangerItem = await fixture.Rater("mallory").GetAsync($"/api/campaigns/{id}/raters/mallory/items/next");
        Assert.Equal(HttpStatusCode.NotFound, strangerItem.StatusCode);
    }

    [Fact]
    public async Task TwoOfThreeRatersPerItemWithACheckItemAndARaterExcludedForFailingIt()
    {
        using var created = await client.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Overlap and checks",
            configurations = new[] { "default", "dense-only" },
            raters = new[] { "ana", "ben", "mallory" },
            questions = ThreeQuestions,
            format = "lines",
            ratersPerItem = 2,
            checks = new[] { new { question = 2, expected = "bothBad" } },
            guidelines = "Prefer answers whose **citations** support them.",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadApiAsync<CampaignCreated>()).Id;
        var campaign = await ApiPolling.WaitForOpenCampaignAsync(client, id);

        // Three items (one pair per question), two raters each, loads 2/2/2.
        await using (var db = await fixture.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync())
        {
            var assignments = await db.CampaignAssignments.Where(a => a.CampaignId == id).ToListAsync();
            Assert.All(assignments.GroupBy(a => a.Item), g => Assert.Equal(2, g.Select(a => a.Rater).Distinct().Count()));
            Assert.Equal([2, 2, 2], assignments.GroupBy(a => a.Rater).Select(g => g.Count()));
        }

        Assert.Equal(2, campaign.RatersPerItem);
        Assert.All(campaign.Raters, r => Assert.Equal(2, r.Total));

        // Everyone works through their own queue; only ana answers the check (item 2) as expected.
        var judged = new Dictionary<string, List<int>>();
        foreach (var rater in new[] { "ana", "ben", "mallory" })
        {
            judged[rater] = [];
            while (await fixture.Rater(rater).GetAsync($"/api/campaigns/{id}/raters/{rater}/items/next") is { StatusCode: HttpStatusCode.OK } response)
            {
                // Nothing tells a rater an item is a check: the blind item has the same fields as any other.
                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
                Assert.Equal(["campaignId", "campaignName", "existing", "item", "left", "next", "position", "previous", "question", "right", "scored", "total"], body.Select(p => p.Key).Order());
                var item = body["item"]!.GetValue<int>();
                judged[rater].Add(item);
                using var saved = await fixture.Rater(rater).PostAsJsonAsync($"/api/campaigns/{id}/raters/{rater}/judgements",
                    new { item, left = Score(4), right = Score(2), preference = item == 2 && rater == "ana" ? "bothBad" : "left" });
                Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
            }
        }

        Assert.All(judged.Values, items => Assert.Equal(2, items.Count));
        var unassigned = Enumerable.Range(0, 3).Except(judged["ben"]).Single();
        using var outsideQueue = await fixture.Rater("ben").PostAsJsonAsync($"/api/campaigns/{id}/raters/ben/judgements",
            new { item = unassigned, left = Score(3), right = Score(3), preference = "tie" });
        Assert.Equal(HttpStatusCode.NotFound, outsideQueue.StatusCode);

        using var close = await client.PostAsync($"/api/campaigns/{id}/close", null);
        Assert.Equal(HttpStatusCode.NoContent, close.StatusCode);
        var before = (await client.GetFromJsonAsync<JsonObject>($"/api/campaigns/{id}/results"))!;
        var quality = before["results"]!["quality"]!.AsArray().ToDictionary(q => q!["rater"]!.GetValue<string>());
        var failing = judged.Where(j => j.Key != "ana" && j.Value.Contains(2)).Select(j => j.Key).Order().ToList();
        Assert.NotEmpty(failing);
        Assert.All(failing, r => Assert.Equal(0, quality[r]!["checkPassRate"]!.GetValue<double>()));
        Assert.Equal(judged["ana"].Contains(2) ? 1 : null, quality["ana"]!["checkPassRate"]?.GetValue<double>());
        // The check item is kept out of the tables: only items 0 and 1, two judgements each.
        Assert.Equal(4, before["results"]!["judgements"]!.GetValue<int>());

        // Rater quality and check items are for the owner and admins: another evaluator, rater or not, sees neither
        // the panel nor which items were checks (their judgements are left out), and cannot exclude anyone.
        foreach (var viewer in new[] { "ben", "cai" })
        {
            var seen = (await fixture.Rater(viewer).GetFromJsonAsync<JsonObject>($"/api/campaigns/{id}/results"))!;
            Assert.Empty(seen["results"]!["quality"]!.AsArray());
            Assert.Empty(seen["campaign"]!["checks"]!.AsArray());
            Assert.Equal(4, seen["judgements"]!.AsArray().Count);
            Assert.All(seen["judgements"]!.AsArray(), j => Assert.Null(j!["check"]));
            Assert.DoesNotContain("rater_quality", await fixture.Rater(viewer).GetStringAsync($"/api/campaigns/{id}/results.csv"));
            Assert.DoesNotContain(",bothBad,", await fixture.Rater(viewer).GetStringAsync($"/api/campaigns/{id}/judgements.csv"));
        }

        Assert.Equal(3, (await fixture.Admin.GetFromJsonAsync<JsonObject>($"/api/campaigns/{id}/results"))!["results"]!["quality"]!.AsArray().Count);
        using var notOwner = await fixture.Rater("cai").PutAsJsonAsync($"/api/campaigns/{id}/excluded-raters", new { raters = failing });
        Assert.Equal(HttpStatusCode.Forbidden, notOwner.StatusCode);
        using var exclude = await client.PutAsJsonAsync($"/api/campaigns/{id}/excluded-raters", new { raters = failing });
        Assert.Equal(HttpStatusCode.NoContent, exclude.StatusCode);
        var after = (await client.GetFromJsonAsync<JsonObject>($"/api/campaigns/{id}/results"))!;

        Assert.Equal(failing, after["campaign"]!["excludedRaters"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(4, after["resultsWithEveryone"]!["judgements"]!.GetValue<int>());
        var kept = after["judgements"]!.AsArray().Count(j => j!["check"] is null && !j["excluded"]!.GetValue<bool>());
        Assert.Equal(kept, after["results"]!["judgements"]!.GetValue<int>());
        Assert.True(kept < 4);
        Assert.Contains(",bothBad,", await client.GetStringAsync($"/api/campaigns/{id}/judgements.csv"));
    }

    [Fact]
    public async Task WithThreeConfigurationsEachNextItemComparesTheMostUncertainAdjacentPair()
    {
        using var created = await client.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Three configurations",
            configurations = new[] { "default", "dense-only", "sparse-only" },
            raters = new[] { "ana" },
            questions = TwoQuestions[0],
            format = "lines",
        });
        var id = (await created.ReadApiAsync<CampaignCreated>()).Id;
        await ApiPolling.WaitForOpenCampaignAsync(client, id);

        // One question, three pairs: (0, 1) is item 0, (0, 2) item 1, (1, 2) item 2, whatever order ana's queue has.
        // Nothing judged: the adjacent pairs of the configuration order, (0, 1) first. After a tie on (0, 1) both
        // adjacent pairs are as uncertain and (1, 2) has fewer judgements; (0, 2), not adjacent, comes last.
        var order = new List<int>();
        while (await fixture.Rater("ana").GetAsync($"/api/campaigns/{id}/raters/ana/items/next") is { StatusCode: HttpStatusCode.OK } response)
        {
            var item = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["item"]!.GetValue<int>();
            order.Add(item);
            using var saved = await fixture.Rater("ana").PostAsJsonAsync($"/api/campaigns/{id}/raters/ana/judgements",
                new { item, left = Score(3), right = Score(3), preference = "tie" });
            Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        }

        Assert.Equal([0, 2, 1], order);
    }

    [Fact]
    public async Task ARaterAddedToAnOpenCampaignTakesAShareOfTheRemainingWork()
    {
        using var created = await client.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Late rater",
            configurations = new[] { "default", "dense-only" },
            raters = new[] { "ana", "ben", "mallory" },
            questions = ThreeQuestions,
            format = "lines",
            ratersPerItem = 2,
        });
        var id = (await created.ReadApiAsync<CampaignCreated>()).Id;
        await ApiPolling.WaitForOpenCampaignAsync(client, id);

        using var byRater = await fixture.Rater("ben").PostAsJsonAsync($"/api/campaigns/{id}/raters", new { rater = "cai" });
        Assert.Equal(HttpStatusCode.Forbidden, byRater.StatusCode);
        using var added = await client.PostAsJsonAsync($"/api/campaigns/{id}/raters", new { rater = "cai" });
        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        using var again = await client.PostAsJsonAsync($"/api/campaigns/{id}/raters", new { rater = "CAI" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var totals = (await client.GetFromJsonAsync<JsonObject>($"/api/campaigns/{id}"))!["raters"]!.AsArray()
            .ToDictionary(r => r!["rater"]!.GetValue<string>(), r => r!["total"]!.GetValue<int>());
        Assert.Equal(6, totals.Values.Sum());
        Assert.InRange(totals["cai"], 1, 2);
        var item = await fixture.Rater("cai").GetFromJsonAsync<JsonObject>($"/api/campaigns/{id}/raters/cai/items/next");
        Assert.NotNull(item!["item"]);
    }
}
