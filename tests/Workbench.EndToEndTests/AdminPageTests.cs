using System.Text;

namespace Workbench.EndToEndTests;

[Collection(BrowserCollection.Name)]
public class AdminPageTests(BrowserFixture fixture)
{
    /// <summary>A long uploaded guideline: new passages to embed, so the reindex runs long enough to watch.</summary>
    private static string LongGuideline()
    {
        var text = new StringBuilder("---\ntitle: \"Regional heat-illness protocol\"\norganisation: \"Regional Health Board\"\nyear: 2025\ntype: guideline\nspecialty: emergency\n---\n\n");
        for (var section = 1; section <= 40; section++)
        {
            text.Append($"## Step {section}\n");
            for (var sentence = 1; sentence <= 12; sentence++)
            {
                text.Append($"In heat-illness step {section}, measure core temperature again after {sentence * 5} minutes of cold-water immersion and record it in chart {section}-{sentence}. ");
            }

            text.Append("\n\n");
        }

        return text.ToString();
    }

    [Fact]
    public async Task AnAdminUploadsDocumentsAndWatchesAReindexToTheNewLiveVersion()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/admin");
        await Assertions.Expect(page.Locator("#live-version")).ToContainTextAsync("e2e-v");
        var liveBefore = await page.Locator("#live-version").TextContentAsync();

        await page.Locator("#upload-panel input[type=file]").SetInputFilesAsync(
        [
            new FilePayload { Name = "heat-protocol.md", MimeType = "text/markdown", Buffer = Encoding.UTF8.GetBytes(LongGuideline()) },
            new FilePayload { Name = "archive.zip", MimeType = "application/zip", Buffer = [0x50, 0x4b, 0x03, 0x04] },
        ]);
        await Assertions.Expect(page.Locator(".upload-result[data-outcome=Accepted]")).ToContainTextAsync("heat-protocol.md");
        await Assertions.Expect(page.Locator(".upload-result[data-outcome=Rejected]")).ToContainTextAsync("archives are not accepted");

        await page.Locator("#reindex-full").ClickAsync();
        await Assertions.Expect(page.Locator("#reindex-figures")).ToContainTextAsync("documents", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#reindex-figures")).ToContainTextAsync("passages/s");
        await BrowserFixture.ScreenshotAsync(page, "09-admin-reindexing");

        await Assertions.Expect(page.Locator(".job-row").First).ToHaveAttributeAsync("data-status", "Succeeded", new LocatorAssertionsToHaveAttributeOptions { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("#live-version")).Not.ToHaveTextAsync(liveBefore!);
        await Assertions.Expect(page.Locator("#uploaded-documents")).ToContainTextAsync("heat-protocol");
        await Assertions.Expect(page.Locator("#reindex-progress")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "10-admin-done");
    }

    [Fact]
    public async Task AnAdminAllowsATermThenSeesAnUploadsRedactionsInContextWithoutTheirValues()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/admin");
        await Assertions.Expect(page.Locator("#redactions-panel")).ToBeVisibleAsync();
        try
        {
            await page.Locator("#allow-list-terms").FillAsync("Ironbridge Steelworks");
            await page.Locator("#allow-list-save").ClickAsync();
            await Assertions.Expect(page.Locator("#allow-list-count")).ToHaveTextAsync("1 term allowed.");

            await page.Locator("#upload-panel input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = "foundry-screening.md",
                MimeType = "text/markdown",
                Buffer = Encoding.UTF8.GetBytes("---\ntitle: \"Silicosis screening\"\norganisation: \"Occupational Health Service\"\nyear: 2025\ntype: guideline\nspecialty: respiratory\n---\n\n## Screening\n"
                    + "Staff who work at Ironbridge Steelworks are screened for silicosis every year. Patient Ottoline Vasquez-Brandt, phone 555-014-7731, asked when.\n"),
            });
            await Assertions.Expect(page.Locator(".upload-result[data-outcome=Accepted]")).ToContainTextAsync("foundry-screening.md");

            var document = page.Locator(".redactions-document[data-document=foundry-screening]");
            await Assertions.Expect(document.Locator(".redactions-summary")).ToHaveTextAsync("2 redactions: Name 1, Phone 1");
            await document.Locator(".mud-expand-panel-header").ClickAsync();
            await Assertions.Expect(document.Locator(".redaction-context").First).ToContainTextAsync("for silicosis every year. Patient [NAME], phone [PHONE], asked when.");
            Assert.DoesNotContain("Ottoline", await page.Locator("#redactions-panel").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserFixture.ScreenshotAsync(page, "11-admin-redactions");
        }
        finally
        {
            await page.Locator("#allow-list-terms").FillAsync(string.Empty);
            await page.Locator("#allow-list-save").ClickAsync();
            await Assertions.Expect(page.Locator("#allow-list-count")).ToContainTextAsync("The list is empty");
        }
    }
}
