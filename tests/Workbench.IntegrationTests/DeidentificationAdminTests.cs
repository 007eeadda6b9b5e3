using System.Text.Json.Nodes;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using Workbench.Core.Indexing;
using Workbench.Web.Api;

namespace Workbench.IntegrationTests;

/// <summary>Issue 15, item 4: admins see each upload's redactions in context (never the values) and keep public names with an audited allow list.</summary>
[Collection(IntegrationCollection.Name)]
public class DeidentificationAdminTests(IntegrationFixture fixture)
{
    // An employer's name is removed as a patient's identifier, unless the clinic declares it public (its own screening programme's partner).
    private const string Employer = "Ironbridge Steelworks";

    private const string Document = "---\ntitle: \"Silicosis screening for foundry staff\"\norganisation: \"Occupational Health Service\"\nyear: 2025\ntype: guideline\nspecialty: respiratory\n---\n\n"
        + "## Screening\nStaff who work at Ironbridge Steelworks are screened for silicosis every year with spirometry and a chest radiograph. "
        + "Patient Ottoline Vasquez-Brandt, phone 555-014-7731, asked how often the foundry screening is repeated.\n";

    private readonly HttpClient client = fixture.Admin;

    [Fact]
    public async Task AnUploadsRedactionsAreListedInContextAndAnAllowedTermSurvivesTheNextReindexAndTheChangeIsAudited()
    {
        var before = (await client.GetFromJsonAsync<JsonObject>("/api/admin/allow-list"))!["terms"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        try
        {
            using var saved = await client.PutAsJsonAsync("/api/admin/allow-list", new { terms = before.Append(Employer) });
            Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
            Assert.Contains(Employer, (await client.GetFromJsonAsync<JsonObject>("/api/admin/allow-list"))!["terms"]!.AsArray().Select(t => t!.GetValue<string>()));
            var audited = await fixture.Services.GetRequiredService<AuditTrail>().QueryAsync(new AuditQuery(Action: AuditActions.AllowListChanged));
            var change = audited.Events.First();
            Assert.Equal("admin", change.Actor);
            Assert.Contains($"added: {Employer}", change.Detail, StringComparison.Ordinal);

            using var upload = await client.PostAsync("/api/admin/documents", AdminApiTests.Files(("foundry-screening.md", Document)));
            Assert.Equal("accepted", (await upload.Content.ReadFromJsonAsync<JsonArray>())![0]!["outcome"]!.GetValue<string>());

            var listed = await client.GetStringAsync("/api/admin/redactions");
            var document = JsonNode.Parse(listed)!.AsArray().Single(d => d!["documentId"]!.GetValue<string>() == "foundry-screening")!;
            var contexts = document["contexts"]!.AsArray();
            Assert.Equal(["name", "phone"], contexts.Select(c => c!["kind"]!.GetValue<string>()));
            Assert.Equal("[NAME]", contexts[0]!["placeholder"]!.GetValue<string>());
            Assert.EndsWith("chest radiograph. Patient ", contexts[0]!["before"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.StartsWith(", phone [PHONE], asked how often", contexts[0]!["after"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.DoesNotContain("Ottoline", listed, StringComparison.Ordinal);
            Assert.DoesNotContain("Vasquez", listed, StringComparison.Ordinal);
            Assert.DoesNotContain("7731", listed, StringComparison.Ordinal);
            var stored = await File.ReadAllTextAsync(Path.Combine(fixture.App.UploadDirectory, "foundry-screening.redactions.json"));
            Assert.Contains("chest radiograph. Patient ", stored, StringComparison.Ordinal);
            Assert.DoesNotContain("Ottoline", stored, StringComparison.Ordinal);

            using var start = await client.PostAsJsonAsync("/api/admin/reindex", new { mode = "changed" });
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
            var job = await ApiPolling.WaitForJobAsync(client, (await start.ReadApiAsync<ReindexJobResponse>()).Id);
            Assert.Equal(ReindexStatus.Succeeded, job.Status);

            var live = (await client.GetFromJsonAsync<JsonObject>("/api/admin/corpus"))!["liveCollection"]!.GetValue<string>();
            var indexed = await fixture.Services.GetRequiredService<QdrantClient>().ScrollAsync(live, Conditions.MatchKeyword("doc_id", "foundry-screening"), limit: 100);
            var text = string.Join("\n", indexed.Result.Select(p => p.Payload["text"].StringValue));
            Assert.Contains($"work at {Employer} are screened", text, StringComparison.Ordinal);
            Assert.Contains("Patient [NAME], phone [PHONE]", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Ottoline", text, StringComparison.Ordinal);
        }
        finally
        {
            (await client.PutAsJsonAsync("/api/admin/allow-list", new { terms = before })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task AnAllowListThatIsNotAListOrTooLongIsRefusedAndNothingIsAudited()
    {
        var trail = fixture.Services.GetRequiredService<AuditTrail>();
        var changes = (await trail.QueryAsync(new AuditQuery(Action: AuditActions.AllowListChanged))).Total;

        using var missing = await client.PutAsJsonAsync("/api/admin/allow-list", new { terms = (string[]?)null });
        using var tooLong = await client.PutAsJsonAsync("/api/admin/allow-list", new { terms = new[] { new string('x', 201) } });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (missing.StatusCode, tooLong.StatusCode));
        Assert.Contains("200 characters", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(changes, (await trail.QueryAsync(new AuditQuery(Action: AuditActions.AllowListChanged))).Total);
    }
}
