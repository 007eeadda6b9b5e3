using Workbench.TestSupport;

namespace Workbench.EndToEndTests;

/// <summary>
/// The ask page with a (local stand-in for a) remote language model: the reply streams in, and a
/// sentence its cited passage does not support is marked (flagging configured instead of removal).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StreamingAnswerTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly TempFolder corpus = new("workbench-e2e-llm-");
    private readonly FakeChatCompletionServer model = new(
        "Low-dose aspirin (81 mg/day) is recommended after 12 weeks of gestation in pregnant people at high risk for preeclampsia [1]. " +
        "Aspirin 325 mg/day should be started in the first week of pregnancy [1].",
        delayPerChunk: TimeSpan.FromMilliseconds(120));

    private WorkbenchAppFactory app = null!;
    private string baseUrl = string.Empty;

    public async Task InitializeAsync()
    {
        File.Copy(Path.Combine(RepositoryPaths.Corpus, "uspstf-low-dose-aspirin-preeclampsia-2021.md"), Path.Combine(corpus, "aspirin.md"));
        app = new WorkbenchAppFactory(fixture.Qdrant, "e2e-llm");
        app.Overrides["Corpus:Directory"] = corpus;
        app.Overrides["Llm:Endpoint"] = model.Endpoint;
        app.Overrides["Llm:Model"] = "local-test-model";
        app.Overrides["Verification:Unsupported"] = "Flag";
        baseUrl = app.ServeOnLoopback();
        await app.WaitForIndexAsync(TimeSpan.FromMinutes(1));
        await app.UserAsync("clinician", Roles.Clinician);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await model.DisposeAsync();
        corpus.Dispose();
    }

    [Fact]
    public async Task TheAnswerStreamsInAndAnUnsupportedSentenceIsMarked()
    {
        var page = await fixture.NewPageAsync(baseUrl, "clinician");
        await page.GotoAsync(baseUrl + "/");
        await page.Locator("#question-input").FillAsync("What aspirin dose prevents preeclampsia?");
        await page.Locator("#ask-button").ClickAsync();

        // Part of the reply is on screen while the rest is still being written.
        await Assertions.Expect(page.Locator("#streaming-text")).ToContainTextAsync("Low-dose aspirin");
        var early = await page.Locator("#streaming-text").TextContentAsync();
        Assert.DoesNotContain("first week of pregnancy", early);
        await BrowserFixture.ScreenshotAsync(page, "11-streaming");

        await Assertions.Expect(page.Locator("#answer-text")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".support-mark[data-support=Supported]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".support-mark[data-support=Unsupported]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".sentence-unsupported")).ToContainTextAsync("325 mg/day");
        await page.Locator("#why-this-answer").ClickAsync();
        await Assertions.Expect(page.Locator(".retrieved-row").First).ToContainTextAsync("[1]");
        await BrowserFixture.ScreenshotAsync(page, "12-verified");
    }
}
