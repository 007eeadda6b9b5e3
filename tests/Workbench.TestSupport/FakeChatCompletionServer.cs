using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Workbench.Core.Retrieval;

namespace Workbench.TestSupport;

/// <summary>
/// A local stand-in for a remote OpenAI-compatible model (the one part that cannot run here): it speaks
/// the chat-completions protocol, streaming included (server-sent events, a few words per chunk), and
/// replies with a scripted text, so the real Semantic Kernel client code runs against it.
/// </summary>
public sealed class FakeChatCompletionServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task serving;
    private readonly List<string> requests = [];

    public FakeChatCompletionServer(string reply, TimeSpan? delayPerChunk = null)
    {
        Reply = reply;
        DelayPerChunk = delayPerChunk ?? TimeSpan.Zero;
        var port = LocalQdrantServer.FreePort();
        Endpoint = $"http://127.0.0.1:{port}/v1";
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        serving = ServeAsync();
    }

    public string Endpoint { get; }

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

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        await serving;
        listener.Close();
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
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
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
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client went away.
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

    private static async Task WriteAsync(HttpListenerResponse response, string? contentType, string text)
    {
        if (contentType is not null)
        {
            response.ContentType = contentType;
        }

        await response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(text));
    }
}
