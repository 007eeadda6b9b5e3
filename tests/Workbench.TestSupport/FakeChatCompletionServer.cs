using System.Net;
using System.Text.Json.Nodes;

namespace Workbench.TestSupport;

/// <summary>
/// A local stand-in for a remote OpenAI-compatible model (the one part that cannot run here): it speaks
/// the chat-completions protocol, streaming included (server-sent events, a few words per chunk), and
/// replies with a scripted text, so the real Semantic Kernel client code runs against it.
/// </summary>
public sealed class FakeChatCompletionServer : LocalHttpStandIn
{
    private readonly List<string> requests = [];

    public FakeChatCompletionServer(string reply, TimeSpan? delayPerChunk = null)
    {
        Reply = reply;
        DelayPerChunk = delayPerChunk ?? TimeSpan.Zero;
    }

    public string Endpoint => BaseAddress + "/v1";

    public string Reply { get; set; }

    public TimeSpan DelayPerChunk { get; set; }

    /// <summary>When set, every request is answered with this HTTP status (a failing model).</summary>
    public HttpStatusCode? FailWith { get; set; }

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    protected override async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        lock (requests)
        {
            requests.Add($"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath}\n{body}");
        }

        if (FailWith is { } status)
        {
            context.Response.StatusCode = (int)status;
            context.Response.Close();
            return;
        }

        if (JsonNode.Parse(body)?["stream"]?.GetValue<bool>() == true)
        {
            await StreamAsync(context.Response);
        }
        else
        {
            await WriteAsync(context.Response, "application/json", Completion(new JsonObject { ["role"] = "assistant", ["content"] = Reply }, "message", "stop").ToJsonString());
            context.Response.Close();
        }
    }

    private async Task StreamAsync(HttpListenerResponse response)
    {
        response.ContentType = "text/event-stream";
        response.SendChunked = true;
        var words = Reply.Split(' ');
        for (var i = 0; i < words.Length; i += 3)
        {
            var piece = string.Join(' ', words.Skip(i).Take(3)) + (i + 3 < words.Length ? " " : string.Empty);
            var chunk = Completion(new JsonObject { ["role"] = "assistant", ["content"] = piece }, "delta", null, "chat.completion.chunk");
            await WriteAsync(response, null, $"data: {chunk.ToJsonString()}\n\n");
            await response.OutputStream.FlushAsync();
            await Task.Delay(DelayPerChunk);
        }

        await WriteAsync(response, null, $"data: {Completion(new JsonObject(), "delta", "stop", "chat.completion.chunk").ToJsonString()}\n\ndata: [DONE]\n\n");
        response.Close();
    }

    private static JsonObject Completion(JsonObject message, string field, string? finish, string kind = "chat.completion") => new()
    {
        ["id"] = "chatcmpl-test",
        ["object"] = kind,
        ["created"] = 1_700_000_000,
        ["model"] = "local-test-model",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, [field] = message, ["finish_reason"] = finish }),
    };

}
