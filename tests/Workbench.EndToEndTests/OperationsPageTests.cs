namespace Workbench.EndToEndTests;

[Collection(BrowserCollection.Name)]
public class OperationsPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AQuestionAskedOnThePageShowsOnTheAdminsOperationsPageWithItsStages()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl);
        await page.Locator("#question-input").FillAsync("Which vaccine protects adults over 50 against shingles?");
        await page.Locator("#ask-button").ClickAsync();
        await page.Locator("#answer-text").WaitForAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Operations" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ops-latency tr[data-stage=total]")).ToContainTextAsync("ms");
        await Assertions.Expect(page.Locator("#ops-latency tr[data-stage=save]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#ops-slowest tbody tr").First).ToContainTextAsync("ms");
        await BrowserFixture.ScreenshotAsync(page, "11-operations");
    }
}
