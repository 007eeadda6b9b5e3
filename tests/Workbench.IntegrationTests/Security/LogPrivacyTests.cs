using System.Text.Json.Nodes;

namespace Workbench.IntegrationTests.Security;

/// <summary>At the default log levels, nothing a clinician types and no patient identifier in a document reaches the log.</summary>
[Collection(IntegrationCollection.Name)]
public class LogPrivacyTests(IntegrationFixture fixture)
{
    private static readonly string[] Secrets = ["Zebediah", "Quackenbush", "99887766", "03/14/1950", "617-555-0199", "quackenbush@example.org"];

    [Fact]
    public async Task QuestionsRatingsUploadsAndSignInsLeaveNoIdentifierOrQuestionTextInTheLog()
    {
        var logs = new CapturedLogs();
        await using var app = new WorkbenchAppFactory(fixture.Qdrant, "corpus") { Logs = logs };
        await app.WaitForIndexAsync(TimeSpan.FromMinutes(1));
        var clinician = await app.ClientAsync(Roles.Clinician);
        var admin = await app.ClientAsync(Roles.Admin);

        const string Question = "Should Zebediah Quackenbush (MRN 99887766, born 03/14/1950) take low-dose aspirin for preeclampsia?";
        using var asked = await clinician.PostAsJsonAsync("/api/ask", new { question = Question });
        asked.EnsureSuccessStatusCode();
        var answerId = (await asked.Content.ReadFromJsonAsync<JsonObject>())!["answerId"]!.GetValue<string>();
        (await clinician.PostAsJsonAsync($"/api/answers/{answerId}/ratings", new { score = 3, comment = "Zebediah Quackenbush called 617-555-0199" })).EnsureSuccessStatusCode();
        using var tooLong = await clinician.PostAsJsonAsync("/api/ask", new { question = Question + new string('x', 3000) });
        using var upload = new MultipartFormDataContent
        {
            { new StringContent("Discharge summary for Zebediah Quackenbush, MRN 99887766, DOB 03/14/1950, quackenbush@example.org.\n\nLow-dose aspirin was continued."), "files", "summary.txt" },
        };
        (await admin.PostAsync("/api/admin/documents", upload)).EnsureSuccessStatusCode();
        using var failedSignIn = await PageSignIn.PostAsync(app.CookieClient(), "Zebediah.Quackenbush", "wrong password");

        var leaked = logs.Lines.Where(line => Secrets.Any(s => line.Contains(s, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaked.Count == 0, "Logged: " + string.Join(" | ", leaked));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("low-dose aspirin for preeclampsia", StringComparison.OrdinalIgnoreCase));
        // The capture works: the upload's de-identification is logged, by kind and count only.
        Assert.Contains(logs.Lines, line => line.Contains("An upload was de-identified", StringComparison.Ordinal) && line.Contains("Name", StringComparison.Ordinal));
    }
}
