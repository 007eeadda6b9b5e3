using System.Text.RegularExpressions;

namespace Workbench.EndToEndTests;

/// <summary>The ask page worked from the keyboard alone, and on a phone's screen.</summary>
[Collection(BrowserCollection.Name)]
public partial class KeyboardAndPhoneTests(BrowserFixture fixture)
{
    private const string Question = "What dose of aspirin is recommended to prevent preeclampsia?";

    [GeneratedRegex(@"^\[2\]")]
    private static partial Regex SecondCitation();

    [GeneratedRegex(@"^\[3\]")]
    private static partial Regex ThirdCitation();

    /// <summary>Presses Tab until the element <paramref name="selector"/> matches has the focus.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {selector}.");
    }

    [Fact]
    public async Task AClinicianAsksOpensTheSecondCitationClosesItAndRatesWithoutTheMouse()
    {
        var page = await fixture.NewPageAsync("clinician");
        await page.GotoAsync(fixture.BaseUrl);

        await Assertions.Expect(page.Locator("#question-input")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(Question);
        await page.Keyboard.PressAsync("Control+Enter");

        // The answer takes the focus, and the live region tells a screen reader it arrived.
        await Assertions.Expect(page.Locator("#answer")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#answer-status")).ToContainTextAsync("Answer ready");

        // The second citation, reached by Tab from the answer, opens its passage, which takes the focus.
        var secondChip = page.Locator("#answer-text .citation-chip[data-citation='2']").First;
        await TabToAsync(page, "#answer-text .citation-chip[data-citation='2']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#passage-title")).ToHaveTextAsync(SecondCitation());
        await Assertions.Expect(page.Locator("#passage-panel")).ToBeFocusedAsync();

        // Esc closes it and returns to the chip it was opened from.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#passage-title")).ToHaveCountAsync(0);
        await Assertions.Expect(secondChip).ToBeFocusedAsync();

        // ] and [ step through the citations from there.
        await page.Keyboard.PressAsync("]");
        await Assertions.Expect(page.Locator("#passage-title")).ToHaveTextAsync(ThirdCitation());
        await page.Keyboard.PressAsync("[");
        await Assertions.Expect(page.Locator("#passage-title")).ToHaveTextAsync(SecondCitation());
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(secondChip).ToBeFocusedAsync();

        // ? shows the list of keys.
        await page.Keyboard.PressAsync("?");
        await Assertions.Expect(page.Locator("#shortcuts-keys")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#shortcuts-keys")).ToContainTextAsync("Esc");

        await TabToAsync(page, "#rating-score");
        for (var star = 0; star < 4; star++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        await Assertions.Expect(page.Locator("#rating-form")).ToContainTextAsync("4/5");
        await TabToAsync(page, "#flag-incomplete");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "#rating-comment");
        await page.Keyboard.TypeAsync("Rated from the keyboard.");
        await TabToAsync(page, "#rating-submit");
        await page.Keyboard.PressAsync("Enter");

        var saved = page.Locator("#saved-rating");
        await Assertions.Expect(saved).ToContainTextAsync("4/5");
        await Assertions.Expect(saved).ToContainTextAsync("incomplete");
        await Assertions.Expect(saved).ToContainTextAsync("Rated from the keyboard.");
    }

    [Fact]
    public async Task OnAPhoneTheMenuHoldsThePagesAndTheAskPageIsOneColumnWithThePassageAsABottomSheet()
    {
        const int width = 390;
        var page = await fixture.NewPageAsync("admin", width);
        await page.GotoAsync(fixture.BaseUrl);
        await page.Locator("#question-input").WaitForAsync();

        // The app bar keeps to the screen: its links are in the menu, sign-out is an icon.
        Assert.True(await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth") <= width);
        await Assertions.Expect(page.Locator("header nav")).ToBeHiddenAsync();
        var signOut = await page.Locator("#sign-out").BoundingBoxAsync();
        Assert.True(signOut is { } box && box.X + box.Width <= width, "Sign out is off the screen.");

        // The open menu has the focus; Esc closes it back to its button, Enter opens it again.
        var links = page.Locator("#nav-drawer .mud-nav-link");
        await page.Locator("#menu-button").ClickAsync();
        await Assertions.Expect(page.Locator("#nav-drawer .mud-drawer-content > div")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(links).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#menu-button")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(links).ToHaveTextAsync(["Ask", "Campaigns", "Evaluations", "Admin", "Users", "Audit", "Operations"]);
        await links.Filter(new LocatorFilterOptions { HasText = "Users" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Users and roles");
        await Assertions.Expect(page.Locator("#nav-drawer .mud-nav-link")).ToHaveCountAsync(0);
        await page.GotoAsync(fixture.BaseUrl);

        // The history waits behind its button.
        await page.Locator("#question-input").FillAsync(Question);
        await page.Locator("#ask-button").ClickAsync();
        await Assertions.Expect(page.Locator("#answer")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#history")).ToBeHiddenAsync();
        await page.Locator("#history-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("#history")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#history-toggle")).ToHaveAttributeAsync("aria-expanded", "true");
        await page.Locator("#history-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("#history")).ToBeHiddenAsync();
        Assert.True(await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth") <= width);
        await page.Locator("#answer").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "20-phone-answer", fullPage: false);

        // The passage opens as a sheet over the bottom of the screen, and closes back to its chip.
        var chip = page.Locator("#answer-text .citation-chip[data-citation='2']").First;
        await chip.ClickAsync();
        await Assertions.Expect(page.Locator("#passage-title")).ToHaveTextAsync(SecondCitation());
        var sheet = page.Locator(".passage-column");
        Assert.Equal("fixed", await sheet.EvaluateAsync<string>("e => getComputedStyle(e).position"));
        var bounds = await sheet.BoundingBoxAsync();
        Assert.True(bounds is { } b && Math.Abs(b.Y + b.Height - page.ViewportSize!.Height) < 1 && b.Width == width && b.Y > page.ViewportSize.Height * 0.3,
            $"The passage is not a sheet along the bottom of the screen: {bounds?.X}, {bounds?.Y}, {bounds?.Width} × {bounds?.Height}.");
        await BrowserFixture.ScreenshotAsync(page, "21-phone-passage", fullPage: false);

        await page.Locator("#passage-panel [aria-label='Close passage']").ClickAsync();
        await Assertions.Expect(sheet).ToBeHiddenAsync();
        await Assertions.Expect(chip).ToBeFocusedAsync();
    }
}
