using System.Text;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Workbench.Core.Telemetry;

namespace Workbench.Core.Answering;

/// <summary>
/// The grounded prompt sent to the configured chat-completion service, streamed when asked: transient failures of a
/// remote model are retried, and one that still fails is replaced by the extractive composer, the answer saying so.
/// </summary>
public sealed class ChatComposition(Kernel kernel, IOptions<LlmOptions> llm, AnswerComposers composers, ILogger<ChatComposition> logger)
{
    /// <summary>
    /// The configured composer's reply. A remote model that fails or times out (after the client's own
    /// retries) is replaced by the extractive composer, and the answer says so.
    /// </summary>
    public async Task<ComposedReply> ComposeAsync(
        string question, IReadOnlyList<RetrievedPassage> passages, Func<string, Task>? onText, WorkbenchTelemetry.StageScope span, CancellationToken cancellationToken)
    {
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var prompt = GroundedPrompt.Build(question, passages);
        var quoted = chat is ExtractiveChatCompletionService;
        span.Tag(WorkbenchTelemetry.Attributes.GenAiProvider, quoted ? "workbench.extractive" : "openai");
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var streamed = false;
                try
                {
                    if (onText is null)
                    {
                        var reply = await chat.GetChatMessageContentAsync(prompt, kernel: kernel, cancellationToken: cancellationToken);
                        TagUsage(span, reply.Metadata);
                        return new ComposedReply(reply.Content, quoted, null);
                    }

                    var text = new StringBuilder();
                    await foreach (var chunk in chat.GetStreamingChatMessageContentsAsync(prompt, kernel: kernel, cancellationToken: cancellationToken))
                    {
                        text.Append(chunk.Content);
                        TagUsage(span, chunk.Metadata);
                        streamed = true;
                        await onText(text.ToString());
                    }

                    return new ComposedReply(text.ToString(), quoted, null);
                }
                catch (Exception ex) when (!quoted && !streamed && attempt < llm.Value.Retries && IsTransient(ex) && !cancellationToken.IsCancellationRequested)
                {
                    CountRateLimit(ex);
                    logger.LogWarning("The language model failed ({Error}); retrying (attempt {Attempt})", ex.GetType().Name, attempt + 2);
                    await Task.Delay(TimeSpan.FromMilliseconds(500 << attempt), cancellationToken);
                }
            }
        }
        catch (Exception ex) when (!quoted && !cancellationToken.IsCancellationRequested
            && ex is HttpOperationException or HttpRequestException or TaskCanceledException or System.ClientModel.ClientResultException)
        {
            CountRateLimit(ex);
            span.Tag(WorkbenchTelemetry.Attributes.ErrorType, ex.GetType().FullName);
            logger.LogWarning("The language model failed ({Error}); answering with the extractive composer", ex.GetType().Name);
            var reply = await new ExtractiveChatCompletionService(composers.Default).GetChatMessageContentAsync(prompt, kernel: kernel, cancellationToken: cancellationToken);
            return new ComposedReply(reply.Content, true, "The language model did not answer in time, so this answer quotes the passages directly.");
        }
    }

    /// <summary>Token counts, when the model reports them (the OpenAI connector does, in the reply's or the last chunk's metadata).</summary>
    private static void TagUsage(WorkbenchTelemetry.StageScope span, IReadOnlyDictionary<string, object?>? metadata)
    {
        if (metadata?.GetValueOrDefault("Usage") is OpenAI.Chat.ChatTokenUsage usage)
        {
            span.Tag(WorkbenchTelemetry.Attributes.GenAiInputTokens, usage.InputTokenCount).Tag(WorkbenchTelemetry.Attributes.GenAiOutputTokens, usage.OutputTokenCount);
        }
    }

    private static void CountRateLimit(Exception ex)
    {
        if (ex is HttpOperationException { StatusCode: System.Net.HttpStatusCode.TooManyRequests } or System.ClientModel.ClientResultException { Status: 429 })
        {
            WorkbenchTelemetry.RateLimited.Add(1, new KeyValuePair<string, object?>(WorkbenchTelemetry.Attributes.Side, "language_model"));
        }
    }

    /// <summary>Failures worth another attempt: server errors, rate limiting, network trouble, time-outs.</summary>
    private static bool IsTransient(Exception ex) => ex switch
    {
        HttpOperationException { StatusCode: { } status } => (int)status >= 500 || status == System.Net.HttpStatusCode.TooManyRequests || status == System.Net.HttpStatusCode.RequestTimeout,
        System.ClientModel.ClientResultException { Status: var status } => status >= 500 || status is 429 or 408 or 0,
        HttpOperationException or HttpRequestException or TaskCanceledException => true,
        _ => false,
    };
}
