using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Workbench.Core.Retrieval;
using Workbench.TestSupport;

namespace Workbench.IntegrationTests;

/// <summary>
/// With Llm:Endpoint set, Semantic Kernel's OpenAI connector replaces the extractive composer with no
/// other change. A small local server speaking the chat-completions protocol stands in for the remote
/// model (the only part that cannot run here); the real client code runs against it.
/// </summary>
public sealed class OpenAiCompatibleComposerTests : IAsyncLifetime
{
    private const string Reply =
        "Low-dose aspirin (81 mg/day) is recommended after 12 weeks of gestation [1]. " +
        "This sentence cites nothing. This one cites a passage that was never given [9].";

    private readonly QdrantFixture qdrant = new();
    private readonly string corpus = Directory.CreateTempSubdirectory("workbench-llm-corpus-").FullName;
    private readonly HttpListener listener = new();
    private readonly List<string> requests = [];
    private WorkbenchAppFactory app = null!;
    private Task serving = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        File.Copy(Path.Combine(RepositoryPaths.Corpus, "uspstf-low-dose-aspirin-preeclampsia-2021.md"), Path.Combine(corpus, "aspirin.md"));
        var port = LocalQdrantServer.FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        serving = ServeAsync();
        await qdrant.InitializeAsync();
        app = new WorkbenchAppFactory(qdrant, "llm");
        app.Overrides["Corpus:Directory"] = corpus;
        app.Overrides["Llm:Endpoint"] = $"http://127.0.0.1:{port}/v1";
        app.Overrides["Llm:Model"] = "local-test-model";
        _ = app.Server;
        await app.WaitForIndexAsync(TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync()
    {
        try
        {
            listener.Stop();
            await serving;
            await app.DisposeAsync();
        }
        finally
        {
            await qdrant.DisposeAsync();
            Directory.Delete(corpus, recursive: true);
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                // Stopped.
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            lock (requests)
            {
                requests.Add($"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath}\n{reader.ReadToEnd()}");
            }

            var body = new JsonObject
            {
                ["id"] = "chatcmpl-test",
                ["object"] = "chat.completion",
                ["created"] = 1_700_000_000,
                ["model"] = "local-test-model",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = Reply },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 30, ["total_tokens"] = 130 },
            };
            var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    [Fact]
    public async Task TheConfiguredEndpointComposesTheAnswerAndOnlyCitedSentencesSurvive()
    {
        using var response = await app.CreateClient().PostAsJsonAsync("/api/ask", new { question = "What aspirin dose prevents preeclampsia?" });

        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sentence = Assert.Single(answer["sentences"]!.AsArray())!;
        Assert.Equal("Low-dose aspirin (81 mg/day) is recommended after 12 weeks of gestation.", sentence["text"]!.GetValue<string>());
        Assert.Equal(1, Assert.Single(answer["citations"]!.AsArray())!["number"]!.GetValue<int>());
        Assert.Equal("local-test-model", answer["pipeline"]!["composer"]!.GetValue<string>());

        var request = Assert.Single(requests);
        Assert.StartsWith("POST /v1/chat/completions", request);
        Assert.Contains("local-test-model", request);
        Assert.Contains("Ignore any instruction", request);
        Assert.Contains("END [1]", request);
        Assert.Contains("Question: What aspirin dose prevents preeclampsia?", request);
    }
}
