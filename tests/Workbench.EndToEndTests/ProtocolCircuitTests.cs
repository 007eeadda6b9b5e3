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

    private (HttpClient Http, CookieContainer Cookies) Client()
    {
        var cookies = new CookieContainer();
        return (new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.BaseUrl) }, cookies);
    }
}
