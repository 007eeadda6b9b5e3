using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workbench.Core.Diagnostics;
using Workbench.Core.Evaluation;

namespace Workbench.Benchmarks;

/// <summary>
/// N simultaneous clinicians on the ask page, each in a browser context of its own (so each is a real
/// Blazor Server circuit over SignalR), asking one question after another: throughput and latency from
/// the click to the answer on screen, and the server's memory per open circuit. Debian's Chromium runs
/// the pages on the same machine as the server, so its CPU use is part of the picture: the server's CPU
/// time per answer and its share of the machine's busy time say whether a step measured the server or
/// the browsers. <c>--lean true</c> skips stylesheets, fonts and images to make the browsers cheaper.
/// </summary>
public static class CircuitLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Parse(args);
        var url = options.GetValueOrDefault("url") ?? "http://127.0.0.1:5080";
        var user = options.GetValueOrDefault("user") ?? throw new ArgumentException("circuits needs --user NAME --password PASSWORD (a clinician's account)");
        var password = options.GetValueOrDefault("password") ?? throw new ArgumentException("circuits needs --password PASSWORD");
        var seconds = int.Parse(options.GetValueOrDefault("seconds") ?? "30", CultureInfo.InvariantCulture);
        var pid = options.TryGetValue("pid", out var p) ? int.Parse(p, CultureInfo.InvariantCulture) : (int?)null;
        var lean = options.GetValueOrDefault("lean") is "true";
        var steps = (options.GetValueOrDefault("users") ?? "1,10,50").Split(',').Select(u => int.Parse(u, CultureInfo.InvariantCulture)).ToList();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var signedIn = await SignInAsync(browser, url, user, password);

        Console.WriteLine($"circuits on {url}, {seconds} s per step, questions asked on the ask page of each circuit");
        Console.WriteLine("| circuits | answers | errors | answers/s | p50 ms | p95 ms | p99 ms | server RSS idle → open → loaded MB | per circuit MB | server CPU ms per answer | server share of busy CPU |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var circuits in steps)
        {
            var before = ProcessMemory.ResidentMegabytes(pid);
            var pages = await Task.WhenAll(Enumerable.Range(0, circuits).Select(async _ =>
            {
                var context = await browser.NewContextAsync(new BrowserNewContextOptions { StorageState = signedIn });
                if (lean)
                {
                    // The load generator shares the machine's cores with the server: not laying out styled pages leaves them to the server.
                    await context.RouteAsync(new Regex(@"\.(css|woff2?|ttf|png|svg|ico)(\?|$)"), route => route.AbortAsync());
                }

                var page = await context.NewPageAsync();
                page.SetDefaultTimeout(120_000);
                await page.GotoAsync(url + "/");
                await page.Locator("#question-input").WaitForAsync();
                return page;
            }));
            await Task.Delay(2000);
            var open = ProcessMemory.ResidentMegabytes(pid);

            var samples = new List<double>();
            var errors = 0;
            var until = DateTime.UtcNow.AddSeconds(seconds);
            var clock = Stopwatch.StartNew();
            var (serverBefore, machineBefore) = (ProcessCpu.Seconds(pid), ProcessCpu.MachineSeconds());
            await Task.WhenAll(pages.Select(async (page, n) =>
            {
                for (var i = n; DateTime.UtcNow < until; i++)
                {
                    var stopwatch = Stopwatch.StartNew();
                    try
                    {
                        await AskAsync(page, LoadQuestions.All[i % LoadQuestions.All.Count]);
                        lock (samples)
                        {
                            samples.Add(stopwatch.Elapsed.TotalMilliseconds);
                        }
                    }
                    catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            }));
            var elapsed = clock.Elapsed.TotalSeconds;
            var server = ProcessCpu.Seconds(pid) - serverBefore;
            var machine = ProcessCpu.MachineSeconds() - machineBefore;
            var loaded = ProcessMemory.ResidentMegabytes(pid);
            foreach (var page in pages)
            {
                await page.Context.CloseAsync();
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {circuits} | {samples.Count} | {errors} | {samples.Count / elapsed:F1} | {RetrievalMetrics.Percentile(samples, 50):F0} | {RetrievalMetrics.Percentile(samples, 95):F0} | {RetrievalMetrics.Percentile(samples, 99):F0} | {ProcessMemory.Format(before)} → {ProcessMemory.Format(open)} → {ProcessMemory.Format(loaded)} | {(before is { } b && open is { } o ? ((o - b) / circuits).ToString("F1", CultureInfo.InvariantCulture) : "-")} | {(server is { } c && samples.Count > 0 ? (c * 1000 / samples.Count).ToString("F0", CultureInfo.InvariantCulture) : "-")} | {(server is { } d && machine > 0 ? (d / machine).ToString("P0", CultureInfo.InvariantCulture) : "-")} |"));
        }

        return 0;
    }

    /// <summary>Asks on the page and waits until the page shows the new answer (the address changes to it).</summary>
    private static async Task AskAsync(IPage page, string question)
    {
        var before = page.Url;
        await page.Locator("#question-input").FillAsync(question);
        await page.Locator("#ask-button").ClickAsync();
        await page.WaitForURLAsync(address => address != before && address.Contains("/answers/", StringComparison.Ordinal));
        await page.Locator("#answer").WaitForAsync();
    }

    private static async Task<string> SignInAsync(IBrowser browser, string url, string user, string password)
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

    private static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }

}
