using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Workbench.Core.Indexing;
using Workbench.Web.Api;

namespace Workbench.IntegrationTests;

[Collection(IntegrationCollection.Name)]
public class AdminApiTests(IntegrationFixture fixture)
{
    private const string Document = "---\ntitle: \"Reagent ZQ-7781 recall notice\"\norganisation: \"Central Laboratory\"\nyear: 2025\ntype: guideline\nspecialty: laboratory\n---\n\n## Recall\nReagent lot ZQ-7781 must not be used for potassium assays because it under-reads potassium by 0.8 mmol/L. Contact Dr. Helen Park at 555-014-2290 for replacement stock.\n";

    private readonly HttpClient client = fixture.Admin;

    /// <summary>A multipart upload of the files given, as the admin page's and scripts' uploads send them.</summary>
    internal static MultipartFormDataContent Files(params (string Name, string Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }

        return form;
    }

    [Fact]
    public async Task UploadedDocumentsAreCheckedOneByOneThenIndexedByAChangedOnlyReindexAndAnswerQuestions()
    {
        using var upload = await client.PostAsync("/api/admin/documents", Files(
            ("zq-recall.md", Document), ("../../escape.md", Document), ("bundle.zip", "PK..."), ("empty.txt", "")));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var results = (await upload.Content.ReadFromJsonAsync<JsonArray>())!;
        Assert.Equal(["accepted", "rejected", "rejected", "rejected"], results.Select(r => r!["outcome"]!.GetValue<string>()));
        Assert.Contains("name", results[0]!["redactions"]![0]!["counts"]!.AsObject().Select(c => c.Key));

        using var start = await client.PostAsJsonAsync("/api/admin/reindex", new { mode = "changed" });
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var id = (await start.ReadApiAsync<ReindexJobResponse>()).Id;
        using var second = await client.PostAsJsonAsync("/api/admin/reindex", new { mode = "full" });
        Assert.True(second.StatusCode == HttpStatusCode.Conflict || (await ApiPolling.WaitForJobAsync(client, id)).Status == ReindexStatus.Succeeded);

        var job = await ApiPolling.WaitForJobAsync(client, id);
        Assert.Equal(ReindexStatus.Succeeded, job.Status);
        Assert.Equal("admin", job.RequestedBy);

        using var asked = await client.PostAsJsonAsync("/api/ask", new { question = "Which reagent lot under-reads potassium?" });
        var answer = JsonNode.Parse(await asked.Content.ReadAsStringAsync())!;
        Assert.False(answer["abstained"]!.GetValue<bool>());
        Assert.Equal("zq-recall", answer["citations"]![0]!["documentId"]!.GetValue<string>());
        Assert.DoesNotContain("Helen Park", answer.ToJsonString());

        var corpus = (await client.GetFromJsonAsync<JsonObject>("/api/admin/corpus"))!;
        Assert.Contains("zq-recall", corpus["uploads"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.True(corpus["documentsBySpecialty"]!["laboratory"]!.GetValue<long>() >= 1);
        Assert.StartsWith("corpus-v", corpus["liveCollection"]!.GetValue<string>());
    }

    [Fact]
    public async Task BadRequestsGetClearAnswers()
    {
        using var notForm = await client.PostAsJsonAsync("/api/admin/documents", new { file = "x" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notForm.StatusCode);

        using var cancel = await client.PostAsync($"/api/admin/jobs/{Guid.NewGuid()}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);

        using var missing = await client.GetAsync($"/api/admin/jobs/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
