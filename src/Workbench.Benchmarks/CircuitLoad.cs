using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using Workbench.Benchmarks.Circuits;
using Workbench.Core.Diagnostics;
using Workbench.Core.Evaluation;

namespace Workbench.Benchmarks;

/// <summary>
/// N simultaneous clinicians on the ask page, each on a Blazor Server circuit of its own (SignalR), asking
/// one question after another: throughput and latency from the click to the answer on screen, and the
/// server's memory per open circuit. <c>--client protocol</c> (the default) speaks the circuit protocol
/// directly (<see cref="ProtocolCircuit"/>), so the load generator costs little and the figures are the
/// server's; <c>--client browser</c> drives Debian's Chromium on the same machine, whose CPU use is then
/// part of the picture (the server's CPU time per answer and its share of the machine's busy time say
/// which one a step measured; <c>--lean true</c> skips stylesheets, fonts and images).
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
        var browserClient = options.GetValueOrDefault("client") is "browser";
        var steps = (options.GetValueOrDefault("users") ?? "1,10,50").Split(',').Select(u => int.Parse(u, CultureInfo.InvariantCulture)).ToList();

        var think = TimeSpan.FromMilliseconds(int.Parse(options.GetValueOrDefault("think") ?? "0", CultureInfo.InvariantCulture));
        var warmup = int.Parse(options.GetValueOrDefault("warmup") ?? "15", CultureInfo.InvariantCulture);

        await using var open = browserClient
            ? (ISessionFactory)await BrowserClients.StartAsync(url, user, password, options.GetValueOrDefault("lean") is "true")
            : await ProtocolClients.StartAsync(url, user, password);

        // The first answers run code the JIT has not optimised yet; a short untimed step keeps that out of the figures.
        if (warmup > 0)
        {
            await RunStepAsync(open, Math.Min(5, steps.Max()), warmup, think, pid);
        }

        Console.WriteLine($"circuits on {url} ({(browserClient ? "Chromium pages" : "protocol clients")}), {seconds} s per step after {warmup} s of warm-up, each clinician asks one question after another on the ask page{(think > TimeSpan.Zero ? $", reading each answer for {think.TotalSeconds:0.#} s on average (0.5–1.5×)" : " with no pause")}");
        Console.WriteLine("| circuits | answers | errors | answers/s | p50 ms | p95 ms | p99 ms | server RSS idle → open → loaded MB | per circuit MB | server CPU ms per answer | server share of busy CPU |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var circuits in steps)
        {
            Console.WriteLine(await RunStepAsync(open, circuits, seconds, think, pid));
        }

        return 0;
    }

    /// <summary>Opens the circuits, lets each ask for <paramref name="seconds"/>, closes them and returns the table row.</summary>
    private static async Task<string> RunStepAsync(ISessionFactory open, int circuits, int seconds, TimeSpan think, int? pid)
    {
        var before = ProcessMemory.ResidentMegabytes(pid);
        var sessions = await Task.WhenAll(Enumerable.Range(0, circuits).Select(_ => open.OpenAsync()));
        await Task.Delay(2000);
        var opened = ProcessMemory.ResidentMegabytes(pid);

        var samples = new List<double>();
        var errors = 0;
        var until = DateTime.UtcNow.AddSeconds(seconds);
        var clock = Stopwatch.StartNew();
        var (serverBefore, machineBefore) = (ProcessCpu.Seconds(pid), ProcessCpu.MachineSeconds());
        await Task.WhenAll(sessions.Select(async (session, n) =>
        {
            for (var i = n; DateTime.UtcNow < until; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                try
                {
                    await session.AskAsync(LoadQuestions.All[i % LoadQuestions.All.Count]);
                    lock (samples)
                    {
                        samples.Add(stopwatch.Elapsed.TotalMilliseconds);
                    }
                }
                catch (Exception ex) when (ex is PlaywrightException or TimeoutException or InvalidOperationException)
                {
                    if (Interlocked.Increment(ref errors) == 1)
                    {
                        Console.Error.WriteLine($"first error: {ex.Message}");
                    }
                }

                await Task.Delay(think * (0.5 + Random.Shared.NextDouble()));
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var server = ProcessCpu.Seconds(pid) - serverBefore;
        var machine = ProcessCpu.MachineSeconds() - machineBefore;
        var loaded = ProcessMemory.ResidentMegabytes(pid);
        foreach (var session in sessions)
        {
            await session.DisposeAsync();
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"| {circuits} | {samples.Count} | {errors} | {samples.Count / elapsed:F1} | {RetrievalMetrics.Percentile(samples, 50):F0} | {RetrievalMetrics.Percentile(samples, 95):F0} | {RetrievalMetrics.Percentile(samples, 99):F0} | {ProcessMemory.Format(before)} → {ProcessMemory.Format(opened)} → {ProcessMemory.Format(loaded)} | {(before is { } b && opened is { } o ? ((o - b) / circuits).ToString("F1", CultureInfo.InvariantCulture) : "-")} | {(server is { } c && samples.Count > 0 ? (c * 1000 / samples.Count).ToString("F0", CultureInfo.InvariantCulture) : "-")} | {(server is { } d && machine > 0 ? (d / machine).ToString("P0", CultureInfo.InvariantCulture) : "-")} |");
    }

    /// <summary>Opens signed-in sessions of one kind.</summary>
    private interface ISessionFactory : IAsyncDisposable
    {
        Task<ICircuitSession> OpenAsync();
    }

    private sealed class BrowserClients(IPlaywright playwright, IBrowser browser, string url, string signedIn, bool lean) : ISessionFactory
    {
        public static async Task<BrowserClients> StartAsync(string url, string user, string password, bool lean)
        {
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
            });
            return new BrowserClients(playwright, browser, url, await BrowserSession.SignInAsync(browser, url, user, password), lean);
        }

        public async Task<ICircuitSession> OpenAsync() => await BrowserSession.OpenAsync(browser, url, signedIn, lean);

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private sealed class ProtocolClients(HttpClient http, CookieContainer cookies) : ISessionFactory
    {
        public static async Task<ProtocolClients> StartAsync(string url, string user, string password)
        {
            var cookies = new CookieContainer();
            var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
            await ProtocolCircuit.SignInAsync(http, user, password, CancellationToken.None);
            return new ProtocolClients(http, cookies);
        }

        public async Task<ICircuitSession> OpenAsync() => await ProtocolCircuit.OpenAsync(http, cookies, "/", CancellationToken.None);

        public ValueTask DisposeAsync()
        {
            http.Dispose();
            return ValueTask.CompletedTask;
        }
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
