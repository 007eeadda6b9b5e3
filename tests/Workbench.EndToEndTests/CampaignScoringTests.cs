using System.Net;
using System.Net.Http.Json;
using Workbench.Web.Api;

namespace Workbench.EndToEndTests;

[Collection(BrowserCollection.Name)]
public class CampaignScoringTests(BrowserFixture fixture)
{
    /// <summary>The scoring page's text without the item's own question, answers and position: the same for every item.</summary>
    private const string PageAroundTheItem = """
        () => {
            const page = document.querySelector('.mud-main-content').cloneNode(true);
            page.querySelectorAll('.blind-answer, #item-question, #queue-position').forEach(e => e.remove());
            return page.textContent;
        }
        """;

    /// <summary>
    /// Scores every item in the rater's queue from the keyboard alone, preferring the left answer. Around the
    /// question and answers every item's page reads the same, so nothing marks a check item.
    /// </summary>
    private static async Task ScoreQueueAsync(IPage page, string rater)
    {
        var around = new HashSet<string>();
        for (var scored = 0; scored < 10 && !await page.Locator("#queue-done").IsVisibleAsync(); scored++)
        {
            var position = await page.Locator("#queue-position").TextContentAsync();
            Assert.DoesNotContain("dense-only", await page.ContentAsync());
            around.Add(await page.EvaluateAsync<string>(PageAroundTheItem));
            await page.Locator("#scoring-panel").FocusAsync();
            foreach (var key in new[] { "5", "3", "4", "3", "5", "2", "5", "4", "4", "3", "a" })
            {
                await page.Keyboard.PressAsync(key);
            }

            if (scored == 0)
            {
                await Assertions.Expect(page.Locator("[data-preference=Left]")).ToHaveAttributeAsync("aria-pressed", "true");
                await BrowserFixture.ScreenshotAsync(page, $"07-scoring-{rater}");
            }

            await page.Keyboard.PressAsync("Enter");

            // The next item (or the end of the queue) replaces this one once the judgement is saved.
            await page.WaitForFunctionAsync(
                "previous => !document.querySelector('#queue-position') || document.querySelector('#queue-position').textContent !== previous || !!document.querySelector('#queue-done')",
                position);
        }

        await Assertions.Expect(page.Locator("#queue-done")).ToBeVisibleAsync();
        Assert.Single(around);
        await BrowserFixture.ScreenshotAsync(page, $"07-done-{rater}");
    }

    [Fact]
    public async Task ARaterSeesTheGuidelinesButNoCheckItemAndOnlyTheOwnerSeesRaterQuality()
    {
        using var owner = await fixture.ApiAsync("evaluator");
        using var created = await owner.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Guided pilot",
            configurations = new[] { "default", "dense-only" },
            raters = new[] { "ana" },
            questions = "Which vaccine protects adults over 50 against shingles?\nWho should be screened for hypertension?",
            format = "lines",
            checks = new[] { new { question = 1, expected = "bothBad" } },
            guidelines = "Prefer answers whose **citations** support them.\n\n<script>alert(1)</script>",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadApiAsync<CampaignCreated>()).Id;
        await ApiPolling.WaitForOpenCampaignAsync(owner, id);

        var rater = await fixture.NewPageAsync("ana");
        await rater.GotoAsync($"{fixture.BaseUrl}/campaigns/{id}/score/ana");
        await Assertions.Expect(rater.Locator("#guidelines strong")).ToHaveTextAsync("citations");
        await Assertions.Expect(rater.Locator("#guidelines")).ToContainTextAsync("<script>alert(1)</script>");
        // Ana prefers A everywhere, so she fails the "both bad" check.
        await ScoreQueueAsync(rater, "ana-guided");
        using var closed = await owner.PostAsync($"/api/campaigns/{id}/close", null);
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);

        var ownerPage = await fixture.NewPageAsync("evaluator");
        await ownerPage.GotoAsync($"{fixture.BaseUrl}/campaigns/{id}");
        await Assertions.Expect(ownerPage.Locator("#quality-panel .quality-row")).ToContainTextAsync("0/1");
        await Assertions.Expect(ownerPage.Locator("#quality-panel .quality-flag")).ToContainTextAsync("fails checks");
        await Assertions.Expect(ownerPage.Locator("#exclude-below-threshold")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(ownerPage, "09-campaign-quality");

        await rater.GotoAsync($"{fixture.BaseUrl}/campaigns/{id}");
        await Assertions.Expect(rater.Locator("#ranking")).ToBeVisibleAsync();
        await Assertions.Expect(rater.Locator("#quality-panel")).ToHaveCountAsync(0);
        Assert.DoesNotContain("fails checks", await rater.Locator(".mud-main-content").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoRatersScoreASmallCampaignAndTheResultsShowTheRanking()
    {
        var page = await fixture.NewPageAsync("evaluator");
        await page.GotoAsync(fixture.BaseUrl + "/campaigns");
        await page.Locator("#campaign-name").FillAsync("Browser pilot");
        await page.Locator("[data-configuration='default']").CheckAsync(new LocatorCheckOptions { Force = true });
        await page.Locator("[data-configuration='dense-only']").CheckAsync(new LocatorCheckOptions { Force = true });
        await page.Locator("#campaign-raters").FillAsync("ana, ben");
        await page.Locator("#campaign-questions").FillAsync("Which vaccine protects adults over 50 against shingles?\nWho should be screened for hypertension?");
        await page.Locator("#campaign-create").ClickAsync();

        await Assertions.Expect(page.Locator("#campaign-title")).ToHaveTextAsync("Browser pilot");
        await Assertions.Expect(page.Locator("#generation-progress")).ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#results-hidden")).ToBeVisibleAsync();
        // The evaluator who set it up is not a rater: no one can score in a rater's place.
        await Assertions.Expect(page.Locator(".score-link")).ToHaveCountAsync(0);
        var campaignUrl = page.Url;
        await BrowserFixture.ScreenshotAsync(page, "06-campaign-open");

        // Two raters, each signed in in a browser of their own, scoring at the same time.
        string[] names = ["ana", "ben"];
        var raters = await Task.WhenAll(names.Select(async name =>
        {
            var raterPage = await fixture.NewPageAsync(name);
            await raterPage.GotoAsync(campaignUrl);
            await raterPage.Locator(".score-link").ClickAsync();
            await Assertions.Expect(raterPage.Locator("#scoring-panel")).ToBeVisibleAsync();
            return raterPage;
        }));
        await Task.WhenAll(raters.Select((raterPage, i) => ScoreQueueAsync(raterPage, names[i])));

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".rater-row").First).ToContainTextAsync("2 / 2");
        await page.Locator("#close-campaign").ClickAsync();
        await page.Locator("#confirm-close").ClickAsync();

        await Assertions.Expect(page.Locator("#ranking .ranking-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#ranking")).ToContainTextAsync("default v1");
        await Assertions.Expect(page.Locator("#ranking")).ToContainTextAsync("dense-only v1");
        await Assertions.Expect(page.Locator("#win-rates")).ToContainTextAsync("4");
        await Assertions.Expect(page.Locator("#agreement")).ToContainTextAsync("Cohen's kappa");
        await Assertions.Expect(page.Locator("#campaign-results svg").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "08-campaign-results");
    }
}
