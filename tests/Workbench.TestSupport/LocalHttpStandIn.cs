using System.Net;
using System.Text;
using Workbench.Core.Retrieval;

namespace Workbench.TestSupport;

/// <summary>
/// A small HTTP server on a free loopback port standing in for a remote service that cannot run here
/// (a hosted language model, an identity provider), so the app's real client code talks to it over HTTP.
/// </summary>
public abstract class LocalHttpStandIn : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task serving;

    protected LocalHttpStandIn()
    {
        var port = LocalQdrantServer.FreePort();
        BaseAddress = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add($"{BaseAddress}/");
        listener.Start();
        serving = ServeAsync();
    }

    /// <summary>The server's address, without a trailing slash.</summary>
    public string BaseAddress { get; }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        await serving;
        listener.Close();
        GC.SuppressFinalize(this);
    }

    /// <summary>Answers one request; exceptions from a client that went away are ignored.</summary>
    protected abstract Task AnswerAsync(HttpListenerContext context);

    protected static async Task WriteAsync(HttpListenerResponse response, string? contentType, string text)
    {
        if (contentType is not null)
        {
            response.ContentType = contentType;
        }

        await response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(text));
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

            _ = Task.Run(async () =>
            {
                try
                {
                    await AnswerAsync(context);
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
                {
                    // The client went away.
                }
            });
        }
    }
}
