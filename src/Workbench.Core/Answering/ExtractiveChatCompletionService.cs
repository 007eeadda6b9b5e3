using System.Runtime.CompilerServices;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Services;

namespace Workbench.Core.Answering;

/// <summary>
/// The embedded default behind Semantic Kernel's chat-completion abstraction: it "replies" by quoting
/// passage sentences with their citation markers (and marker lines for unanswered parts of the
/// question), so an OpenAI-compatible model can take its place with no other change to the pipeline.
/// </summary>
public sealed class ExtractiveChatCompletionService(IAnswerComposer composer) : IChatCompletionService
{
    public IReadOnlyDictionary<string, object?> Attributes { get; } =
        new Dictionary<string, object?> { [AIServiceExtensions.ModelIdKey] = composer.Name };

    public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
    {
        var request = chatHistory.LastOrDefault(m => m.Role == AuthorRole.User);
        if (request?.Metadata?.GetValueOrDefault(GroundedPrompt.PassagesKey) is not IReadOnlyList<RetrievedPassage> passages
            || request.Metadata.GetValueOrDefault(GroundedPrompt.QuestionKey) is not string question)
        {
            throw new InvalidOperationException("The extractive composer answers only grounded prompts built by GroundedPrompt.");
        }

        var text = CitedText.Format(composer.Answer(question, passages));
        IReadOnlyList<ChatMessageContent> reply = [new ChatMessageContent(AuthorRole.Assistant, text, modelId: composer.Name)];
        return Task.FromResult(reply);
    }

    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var message in await GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken))
        {
            yield return new StreamingChatMessageContent(message.Role, message.Content, modelId: message.ModelId);
        }
    }
}
