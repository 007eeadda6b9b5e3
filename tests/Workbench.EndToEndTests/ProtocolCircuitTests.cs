using System.Net;
using Workbench.Benchmarks.Circuits;
using Workbench.TestSupport;

namespace Workbench.EndToEndTests;

/// <summary>
/// The circuit load benchmark drives the ask page without a browser (<see cref="ProtocolCircuit"/>); these
/// show that what it measures is a real clinician's round: the answer it waits for is the one a browser shows.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ProtocolCircuitTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AClientWithoutABrowserAsksTwiceOnOneCircuitAndSeesEachAnswer()
    {
        var (http, cookies) = Client();
        using (http)
        {
            await ProtocolCircuit.SignInAsync(http, "clinician", TestUsers.Password, CancellationToken.None);
            await using var circuit = await ProtocolCircuit.OpenAsync(http, cookies, "/", CancellationToken.None);

            await circuit.AskAsync("What dose of aspirin is recommended to prevent preeclampsia?");
            Assert.Contains("81 mg", circuit.TextOf("answer-text"));

            await circuit.AskAsync("Which vaccine protects adults over 50 against shingles?");
            Assert.Contains("zoster", circuit.TextOf("answer-text"), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("81 mg", circuit.TextOf("answer-text"));
            var history = circuit.TextOf("history");
            Assert.Contains("shingles", history);
            Assert.Contains("preeclampsia", history);
        }
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedAndGetsNoCircuit()
    {
        var (http, cookies) = Client();
        using (http)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => ProtocolCircuit.SignInAsync(http, "clinician", "not-the-password", CancellationToken.None));
            await Assert.ThrowsAnyAsync<Exception>(() => ProtocolCircuit.OpenAsync(http, cookies, "/", CancellationToken.None));
        }
    }

    [Fact]
    public async Task AScriptDrivingTheAskPageIsHeldToTheSameLimitAsTheApi()
    {
        await using var limited = new WorkbenchAppFactory(fixture.Qdrant, "e2e");
        limited.Overrides["RateLimits:AskPerMinute"] = "2";
        var address = limited.ServeOnLoopback();
        await limited.WaitForIndexAsync(TimeSpan.FromMinutes(1));
        await limited.UserAsync("clinician", Roles.Clinician);
        var (http, cookies) = Client(address);
        using (http)
        {
            await ProtocolCircuit.SignInAsync(http, "clinician", TestUsers.Password, CancellationToken.None);
            await using var circuit = await ProtocolCircuit.OpenAsync(http, cookies, "/", CancellationToken.None);
            await circuit.AskAsync("What dose of aspirin is recommended to prevent preeclampsia?");
            await circuit.AskAsync("Which vaccine protects adults over 50 against shingles?");

            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => circuit.AskAsync("What blood pressure target does SPRINT support?"));

            Assert.Contains("more questions in a minute than allowed", refused.Message);
            Assert.Contains("more questions in a minute than allowed", circuit.TextOf("question-form"));
            Assert.DoesNotContain("SPRINT", circuit.TextOf("history"));
        }
    }

    private (HttpClient Http, CookieContainer Cookies) Client(string? baseUrl = null)
    {
        var cookies = new CookieContainer();
        return (new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl ?? fixture.BaseUrl) }, cookies);
    }
}
