using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Workbench.Benchmarks.Circuits;

/// <summary>
/// One clinician on the ask page through a real Blazor Server circuit, without a browser: the page's
/// HTML gives the root-component markers, the circuit is started over the same SignalR hub and protocol
/// blazor.web.js uses, render batches are applied to a <see cref="RenderedPage"/> and acknowledged, JS
/// interop calls are answered, and typing and clicking are dispatched as browser events to the handler
/// ids the server rendered. The server cannot tell it from a browser that runs no scripts of its own.
/// </summary>
public sealed partial class ProtocolCircuit : ICircuitSession
{
    /// <summary>The ask page's value-returning calls: MudBlazor checks that its script is loaded and counts popover providers.</summary>
    private static readonly Dictionary<string, string> Results = new()
    {
        ["window.hasOwnProperty"] = "true",
        ["mudpopoverHelper.countProviders"] = "1",
    };

    private readonly HubConnection connection;
    private readonly Uri baseUri;
    private readonly RenderedPage page = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> calls = new();
    private readonly TaskCompletionSource<long> interop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim rendered = new(0);
    private TaskCompletionSource<bool>? answer;
    private string? failure;
    private int nextCall;

    private ProtocolCircuit(Uri baseUri, CookieContainer cookies)
    {
        this.baseUri = baseUri;
        var builder = new HubConnectionBuilder().WithUrl(new Uri(baseUri, "_blazor"), options =>
        {
            options.Cookies = cookies;
            options.Transports = HttpTransportType.WebSockets;
        });
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        connection = builder.Build();
        connection.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        // .NET 10 sends six arguments (handle, identifier, arguments, result type, target instance, call type); binding needs all six.
        connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", OnBeginInvokeJSAsync);
        connection.On<string, bool, string>("JS.EndInvokeDotNet", OnEndInvokeDotNet);
        connection.On<long>("JS.EndUpdateRootComponents", _ => { });
        connection.On<string>("JS.Error", error => Fail($"the server ended the circuit: {error}"));
        connection.Closed += error =>
        {
            Fail($"the connection closed{(error is null ? string.Empty : ": " + error.Message)}");
            return Task.CompletedTask;
        };
    }

    /// <summary>Signs in through the sign-in form (antiforgery token included); the cookies land in the client's container.</summary>
    public static async Task SignInAsync(HttpClient http, string user, string password, CancellationToken cancellationToken)
    {
        var form = await http.GetStringAsync("/account/login", cancellationToken);
        var fields = HiddenInputs().Matches(form[..form.IndexOf("</form>", StringComparison.Ordinal)])
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.UserName"] = user;
        fields["Input.Password"] = password;
        using var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(fields), cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) != false)
        {
            throw new InvalidOperationException($"Signing in as {user} failed ({(int)response.StatusCode}).");
        }
    }

    /// <summary>Loads <paramref name="path"/> with the signed-in cookies and starts its circuit.</summary>
    public static async Task<ProtocolCircuit> OpenAsync(HttpClient http, CookieContainer cookies, string path, CancellationToken cancellationToken)
    {
        var baseUri = http.BaseAddress ?? throw new ArgumentException("The client needs a base address.", nameof(http));
        var html = await http.GetStringAsync(path, cancellationToken);
        var markers = Markers().Matches(html).Select(m => JsonNode.Parse(m.Groups[1].Value)!).Where(m => m["descriptor"] is not null).ToList();
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"{path} has no interactive components (was the sign-in refused?).");
        }

        var circuit = new ProtocolCircuit(baseUri, cookies);
        await circuit.connection.StartAsync(cancellationToken);
        var secret = await circuit.connection.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), new Uri(baseUri, path).ToString(), "[]", string.Empty, cancellationToken);
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException("The server refused to start a circuit.");
        }

        // The same operation blazor.web.js sends for the markers it found: add each root component.
        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray(markers.Select((marker, i) => (JsonNode)new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = marker.DeepClone(),
            }).ToArray()),
        };
        await circuit.connection.SendAsync("UpdateRootComponents", operations.ToJsonString(), string.Empty, cancellationToken);
        await circuit.interop.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        await circuit.WaitForAsync(() => circuit.Handler("ask-button", "onclick") is not null, cancellationToken);
        return circuit;
    }

    /// <summary>Types the question, clicks Ask and returns when the answer is on the page.</summary>
    public async Task AskAsync(string question, CancellationToken cancellationToken = default)
    {
        var input = Find("question-input") ?? throw new InvalidOperationException("The page has no question box.");
        await DispatchAsync(input, "oninput", "input", new { value = question }, new { componentId = input.Owner, fieldValue = question }, cancellationToken);
        answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var button = Find("ask-button") ?? throw new InvalidOperationException("The page has no Ask button.");
        var click = new { type = "click", detail = 1, button = 0, buttons = 0, ctrlKey = false, shiftKey = false, altKey = false, metaKey = false };

        // The click's dispatch completes once the page has handled it: the question answered, or refused.
        await DispatchAsync(button, "onclick", "click", click, null, cancellationToken);
        if (await Task.WhenAny(answer.Task, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken)) != answer.Task)
        {
            throw new InvalidOperationException($"The page showed no answer: {TextOf("question-form")}");
        }

        if (!await answer.Task)
        {
            throw new InvalidOperationException($"The page showed an error instead of an answer: {TextOf("ask-error")}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        rendered.Dispose();
    }

    private async Task DispatchAsync(RenderedPage.Node element, string attribute, string eventName, object eventArgs, object? fieldInfo, CancellationToken cancellationToken)
    {
        ulong handler;
        lock (page)
        {
            handler = element.Handlers.GetValueOrDefault(attribute);
        }

        if (handler == 0)
        {
            throw new InvalidOperationException($"#{element.Id} has no {attribute} handler.");
        }

        var callId = Interlocked.Increment(ref nextCall).ToString(CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        calls[callId] = done;
        var descriptor = new { eventHandlerId = handler, eventName, eventFieldInfo = fieldInfo };
        var args = JsonSerializer.Serialize(new object[] { descriptor, eventArgs });
        await connection.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", await interop.Task, args, cancellationToken);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
    }

    /// <summary>The text of the element with this id as the page shows it now, or null when there is none.</summary>
    public string? TextOf(string id)
    {
        lock (page)
        {
            return page.Find(id)?.Content;
        }
    }

    /// <summary>Render batches are applied on the connection's thread, so every look at the page takes its lock.</summary>
    private RenderedPage.Node? Find(string id)
    {
        lock (page)
        {
            return page.Find(id);
        }
    }

    private ulong? Handler(string id, string attribute)
    {
        lock (page)
        {
            return page.Find(id)?.Handlers.GetValueOrDefault(attribute) is > 0 and var handler ? handler : null;
        }
    }

    private async Task WaitForAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            ThrowIfFailed();
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("The page did not render what was expected within 30 s.");
            }

            await rendered.WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] batch)
    {
        string? error = null;
        lock (page)
        {
            try
            {
                page.Apply(batch);
                if (page.Inserted.Contains("answer"))
                {
                    answer?.TrySetResult(true);
                }
                else if (page.Inserted.Contains("ask-error"))
                {
                    answer?.TrySetResult(false);
                }
            }
            catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException)
            {
                error = ex.Message;
                Fail($"render batch {batchId} could not be applied: {ex.Message}");
            }
        }

        rendered.Release();
        await connection.SendAsync("OnRenderCompleted", batchId, error);
    }

    private async Task OnBeginInvokeJSAsync(long handle, string identifier, string argsJson, int resultType, long targetInstance, int callType)
    {
        if (identifier == "Blazor._internal.attachWebRendererInterop")
        {
            // The renderer hands over the object that receives browser events: [rendererId, {"__dotNetObject": id}, …].
            var reference = JsonNode.Parse(argsJson)!.AsArray().OfType<JsonObject>().First(o => o.ContainsKey("__dotNetObject"));
            interop.TrySetResult(reference["__dotNetObject"]!.GetValue<long>());
        }

        if (handle != 0)
        {
            // No script runs here: every call succeeds, with what the loaded page would return where the caller reads a value.
            var result = Results.GetValueOrDefault(identifier, "null");
            await connection.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,{result}]");
        }

        if (identifier == "Blazor._internal.navigationManager.navigateTo")
        {
            var address = JsonNode.Parse(argsJson)![0]!.GetValue<string>();
            await connection.SendAsync("OnLocationChanged", new Uri(baseUri, address).ToString(), null, false);
        }
    }

    private void OnEndInvokeDotNet(string callId, bool success, string result)
    {
        if (calls.TryRemove(callId, out var call))
        {
            if (success)
            {
                call.TrySetResult();
            }
            else
            {
                call.TrySetException(new InvalidOperationException($"The event handler failed: {result}"));
            }
        }
    }

    private void Fail(string message)
    {
        failure ??= message;
        var exception = new InvalidOperationException(message);
        interop.TrySetException(exception);
        answer?.TrySetException(exception);
        foreach (var call in calls.Values)
        {
            call.TrySetException(exception);
        }
    }

    private void ThrowIfFailed()
    {
        if (failure is not null)
        {
            throw new InvalidOperationException(failure);
        }
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInputs();

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->")]
    private static partial Regex Markers();
}
