using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using Xunit.Abstractions;
using Workbench.Web.Api;

namespace Workbench.EndToEndTests;

/// <summary>
/// The axe-core audit (WCAG 2.1 A and AA rules plus axe's best practices) of every page, signed in as the role that
/// uses it, on a desktop and on a phone. A serious or critical violation fails; lesser ones are written to the test output.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AccessibilityTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Question = "What dose of aspirin is recommended to prevent preeclampsia?";

    /// <summary>Both widths audit the same two campaigns: one open to score, one closed with results.</summary>
    private static readonly SemaphoreSlim CampaignsGate = new(1, 1);
    private static (Guid Open, Guid Closed)? campaigns;

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task EveryPageHasNoSeriousOrCriticalViolationForTheRoleThatUsesIt(int width)
    {
        var (open, closed) = await CampaignsAsync();
        var violations = new List<string>();

        var anonymous = await fixture.NewPageAsync(null, width);
        await VisitAsync(anonymous, "/account/login", "#username", "sign-in", violations);

        var clinician = await fixture.NewPageAsync("clinician", width);
        await VisitAsync(clinician, "/", "#question-input", "ask", violations);
        await clinician.Locator("#question-input").FillAsync(Question);
        await clinician.Locator("#ask-button").ClickAsync();
        await AuditAsync(clinician, "#answer-text", "answer", violations);
        await clinician.Locator("#answer-text .citation-chip").First.ClickAsync();
        await AuditAsync(clinician, "#passage-text", "answer with a citation open", violations);
        await VisitAsync(clinician, "/account/tokens", "#token-form", "API tokens", violations);
        await VisitAsync(clinician, "/account/password", "form", "change password", violations);

        var evaluator = await fixture.NewPageAsync("evaluator", width);
        await VisitAsync(evaluator, "/campaigns", ".campaign-row", "campaigns", violations);
        await VisitAsync(evaluator, $"/campaigns/{closed}", "#ranking", "campaign results", violations);
        await VisitAsync(evaluator, "/evaluations", "#rating-summary", "evaluations", violations);

        var rater = await fixture.NewPageAsync("ben", width);
        await VisitAsync(rater, $"/campaigns/{open}/score/ben", "#rubric", "scoring", violations);

        var admin = await fixture.NewPageAsync("admin", width);
        await VisitAsync(admin, "/admin", "#live-version", "admin", violations);
        await VisitAsync(admin, "/admin/users", ".user-row", "users", violations);
        await VisitAsync(admin, "/admin/audit", "#audit-table tbody tr", "audit", violations);
        await VisitAsync(admin, "/admin/operations", "#ops-latency", "operations", violations);

        Assert.True(violations.Count == 0, $"At {width} px:\n" + string.Join("\n", violations));
    }

    private async Task VisitAsync(IPage page, string path, string ready, string name, List<string> violations)
    {
        await page.GotoAsync(fixture.BaseUrl + path);
        await AuditAsync(page, ready, name, violations);
    }

    private async Task AuditAsync(IPage page, string ready, string name, List<string> violations)
    {
        await page.Locator(ready).First.WaitForAsync();
        // Axe measures colours as drawn: a chip still fading into its selected colour would be measured half-way.
        await page.EvaluateAsync("() => Promise.all(document.getAnimations().filter(a => a.effect?.getComputedTiming().endTime !== Infinity).map(a => a.finished.catch(() => null)))");
        var result = await page.RunAxe();
        foreach (var violation in result.Violations)
        {
            var line = $"{name}: {violation.Id} ({violation.Impact}) {violation.Help} — {string.Join(" | ", violation.Nodes.Select(n => n.Target))}";
            if (violation.Impact is "serious" or "critical")
            {
                violations.Add(line);
            }
            else
            {
                output.WriteLine(line);
            }
        }
    }

    private async Task<(Guid Open, Guid Closed)> CampaignsAsync()
    {
        await CampaignsGate.WaitAsync();
        try
        {
            campaigns ??= (await CreateCampaignAsync("Accessibility scoring"), await ClosedCampaignWithJudgementsAsync());
            return campaigns.Value;
        }
        finally
        {
            CampaignsGate.Release();
        }
    }

    private async Task<Guid> CreateCampaignAsync(string name)
    {
        using var owner = await fixture.ApiAsync("evaluator");
        using var created = await owner.PostAsJsonAsync("/api/campaigns", new
        {
            name,
            configurations = new[] { "default", "dense-only" },
            raters = new[] { "ana", "ben" },
            questions = "Which vaccine protects adults over 50 against shingles?\nWho should be screened for hypertension?",
            format = "lines",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadApiAsync<CampaignCreated>()).Id;
        await ApiPolling.WaitForOpenCampaignAsync(owner, id);
        return id;
    }

    /// <summary>A campaign both raters scored through the API and the owner closed, so its results page has every table and chart.</summary>
    private async Task<Guid> ClosedCampaignWithJudgementsAsync()
    {
        var id = await CreateCampaignAsync("Accessibility results");
        foreach (var (rater, preference) in new[] { ("ana", "left"), ("ben", "tie") })
        {
            using var client = await fixture.ApiAsync(rater);
            while (true)
            {
                using var next = await client.GetAsync($"/api/campaigns/{id}/raters/{rater}/items/next");
                if (next.StatusCode == HttpStatusCode.NoContent)
                {
                    break;
                }

                var item = (await next.Content.ReadFromJsonAsync<JsonObject>())!["item"]!.GetValue<int>();
                var scores = new { accuracy = 4, completeness = 3, citationSupport = 4, harm = 5, clarity = 4 };
                using var saved = await client.PostAsJsonAsync($"/api/campaigns/{id}/raters/{rater}/judgements", new { item, left = scores, right = scores, preference });
                Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
            }
        }

        using var owner = await fixture.ApiAsync("evaluator");
        using var closed = await owner.PostAsync($"/api/campaigns/{id}/close", null);
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        return id;
    }
}
