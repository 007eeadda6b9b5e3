using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Workbench.Benchmarks.Circuits;

/// <summary>The ask page in a browser context of its own in Debian's Chromium (so a circuit of its own).</summary>
public sealed class BrowserSession(IPage page) : ICircuitSession
{
    public static async Task<BrowserSession> OpenAsync(IBrowser browser, string url, string signedInState, bool lean)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { StorageState = signedInState });
        if (lean)
        {
            // The load generator shares the machine's cores with the server: not laying out styled pages leaves them to the server.
            await context.RouteAsync(new Regex(@"\.(css|woff2?|ttf|png|svg|ico)(\?|$)"), route => route.AbortAsync());
        }

        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync(url + "/");
        await page.Locator("#question-input").WaitForAsync();
        return new BrowserSession(page);
    }

    /// <summary>Signs in through the form once; every context starts from the cookies it leaves.</summary>
    public static async Task<string> SignInAsync(IBrowser browser, string url, string user, string password)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(url + "/account/login");
        await page.Locator("#username").FillAsync(user);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#sign-in").ClickAsync();
        await page.WaitForURLAsync(address => !address.Contains("/account/login", StringComparison.Ordinal));
        return await context.StorageStateAsync();
    }

    /// <summary>Waits until the page shows the new answer (the address changes to it).</summary>
    public async Task AskAsync(string question, CancellationToken cancellationToken = default)
    {
        var before = page.Url;
        await page.Locator("#question-input").FillAsync(question);
        await page.Locator("#ask-button").ClickAsync();
        await page.WaitForURLAsync(address => address != before && address.Contains("/answers/", StringComparison.Ordinal));
        await page.Locator("#answer").WaitForAsync();
    }

    public ValueTask DisposeAsync() => new(page.Context.CloseAsync());
}
