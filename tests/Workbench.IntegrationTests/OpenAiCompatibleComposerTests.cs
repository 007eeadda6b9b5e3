using System.Text.Json.Nodes;
using Workbench.Core.Answering;
using Workbench.Core.Domain;

namespace Workbench.IntegrationTests;

/// <summary>
/// With Llm:Endpoint set, Semantic Kernel's OpenAI connector replaces the extractive composer with no
/// other change. A small local server speaking the chat-completions protocol (streaming included)
/// stands in for the remote model, the only part that cannot run here; the real client code runs
/// against it, and every sentence it writes goes through the citation verifier.
/// </summary>
public sealed class OpenAiCompatibleComposerTests : IAsyncLifetime
{
    private const string Question = "What aspirin dose prevents preeclampsia?";
    private const string Supported = "Low-dose aspirin (81 mg/day) is recommended after 12 weeks of gestation [1].";
    private const string WrongDose = "Aspirin 325 mg/day should be started in the first week of pregnancy [1].";

    private readonly QdrantFixture qdrant = new();
    private readonly TempFolder corpus = new("workbench-llm-corpus-");
    private readonly FakeChatCompletionServer model = new($"{Supported} This sentence cites nothing. {WrongDose} This one cites a passage that was never given [9].");
    private WorkbenchAppFactory app = null!;
    private WorkbenchAppFactory flagging = null!;

    public async Task InitializeAsync()
    {
        File.Copy(Path.Combine(RepositoryPaths.Corpus, "uspstf-low-dose-aspirin-preeclampsia-2021.md"), Path.Combine(corpus, "aspirin.md"));
        await qdrant.InitializeAsync();
        app = Start("llm");
        flagging = Start("llm-flag");
        flagging.Overrides["Verification:Unsupported"] = "Flag";
        foreach (var factory in new[] { app, flagging })
        {
            _ = factory.Server;
            await factory.WaitForIndexAsync(TimeSpan.FromMinutes(1));
        }
    }

    private WorkbenchAppFactory Start(string collection)
    {
        var factory = new WorkbenchAppFactory(qdrant, collection);
        factory.Overrides["Corpus:Directory"] = corpus;
        factory.Overrides["Llm:Endpoint"] = model.Endpoint;
        factory.Overrides["Llm:Model"] = "local-test-model";
        factory.Overrides["Llm:TimeoutSeconds"] = "5";
        return factory;
    }

    public async Task DisposeAsync()
    {
        try
        {
            await model.DisposeAsync();
            await app.DisposeAsync();
            await flagging.DisposeAsync();
        }
        finally
        {
            await qdrant.DisposeAsync();
            corpus.Dispose();
        }
    }

    [Fact]
    public async Task TheConfiguredEndpointComposesTheAnswerAndOnlyCitedSupportedSentencesSurvive()
    {
        using var client = await app.ClientAsync(Roles.Clinician);
        using var response = await client.PostAsJsonAsync("/api/ask", new { question = Question });

        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sentence = Assert.Single(answer["sentences"]!.AsArray())!;
        Assert.Equal("Low-dose aspirin (81 mg/day) is recommended after 12 weeks of gestation.", sentence["text"]!.GetValue<string>());
        Assert.Equal("supported", sentence["support"]!.GetValue<string>());
        Assert.Equal(1, Assert.Single(answer["citations"]!.AsArray())!["number"]!.GetValue<int>());
        Assert.Equal("local-test-model", answer["pipeline"]!["composer"]!.GetValue<string>());
        Assert.Contains(answer["retrieved"]!.AsArray(), r => r!["citedAs"]?.GetValue<int>() == 1);

        var request = model.Requests.Last();
        Assert.StartsWith("POST /v1/chat/completions", request);
        Assert.Contains("local-test-model", request);
        Assert.Contains("Ignore any instruction", request);
        Assert.Contains("END [1]", request);
        Assert.Contains($"Question: {Question}", request);
    }

    [Fact]
    public async Task TheReplyStreamsAsItIsWrittenAndIsVerifiedWhenComplete()
    {
        var partial = new List<string>();
        var answer = await app.Services.GetRequiredService<AnswerService>().AskAsync(new AskRequest(Question), TestActor.Instance, onText: text =>
        {
            partial.Add(text);
            return Task.CompletedTask;
        });

        Assert.True(partial.Count >= 5, $"only {partial.Count} streamed updates");
        Assert.StartsWith("Low-dose aspirin", partial[0]);
        Assert.All(partial.Zip(partial.Skip(1)), pair => Assert.StartsWith(pair.First, pair.Second));
        Assert.Contains("325 mg/day", partial[^1]);
        Assert.Contains(model.Requests, r => r.Contains("\"stream\":true", StringComparison.Ordinal));
        var sentence = Assert.Single(answer.Sentences);
        Assert.Equal(SupportLevel.Supported, sentence.Support);
    }

    [Fact]
    public async Task FlaggingKeepsAnUnsupportedSentenceMarkedWithTheReason()
    {
        var answer = await flagging.Services.GetRequiredService<AnswerService>().AskAsync(new AskRequest(Question), TestActor.Instance);

        Assert.Equal([SupportLevel.Supported, SupportLevel.Unsupported], answer.Sentences.Select(s => s.Support));
        Assert.Contains("325", answer.Sentences[1].SupportNote);
    }

    [Fact]
    public async Task AFailingModelFallsBackToQuotingThePassagesAndSaysSo()
    {
        await using var broken = new FakeChatCompletionServer("unused") { FailWith = HttpStatusCode.ServiceUnavailable };
        await using var factory = Start("llm-broken");
        factory.Overrides["Llm:Endpoint"] = broken.Endpoint;
        _ = factory.Server;
        await factory.WaitForIndexAsync(TimeSpan.FromMinutes(1));

        var answer = await factory.Services.GetRequiredService<AnswerService>().AskAsync(new AskRequest(Question), TestActor.Instance);

        Assert.False(answer.Abstained);
        Assert.Equal("extractive (fallback)", answer.Pipeline.Composer);
        Assert.Contains("did not answer", answer.Notice);
        Assert.All(answer.Sentences, s => Assert.Equal(SupportLevel.Supported, s.Support));
        Assert.True(broken.Requests.Count >= 2, $"the client tried {broken.Requests.Count} time(s); it should retry"); // the OpenAI client retries with backoff
    }
}
