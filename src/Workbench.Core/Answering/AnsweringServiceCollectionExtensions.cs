using Microsoft.Extensions.Configuration;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Workbench.Core.Answering.Verification;
using Workbench.Core.Embeddings;
using Workbench.Core.Hosting;
using Workbench.Core.Ingestion.Uploads;

namespace Workbench.Core.Answering;

public static class AnsweringServiceCollectionExtensions
{
    /// <summary>The ask pipeline: composers (extractive, or a language model when configured), citation verification, and the answers kept.</summary>
    public static IServiceCollection AddAnswering(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AskOptions>(configuration, AskOptions.Section)
            .Validate(o => o.HasUniqueVariantNames(), "Ask:Variants: every variant needs a unique name (not the default's), a version >= 1 and a TopK of 1–50.");
        services.AddValidatedOptions<LlmOptions>(configuration, LlmOptions.Section);
        services.AddKernel();
        services.AddSingleton(sp => new AnswerComposers(sp.GetRequiredService<IOptions<AskOptions>>().Value));
        services.AddSingleton<IChatCompletionService>(CreateChatCompletion);
        services.AddValidatedOptions<VerificationOptions>(configuration, VerificationOptions.Section);
        services.AddSingleton(sp =>
        {
            var tokenizer = sp.GetRequiredService<OnnxEmbeddingGenerator>().Tokenizer;
            return new CorpusTerms(sp.GetRequiredService<CorpusUploads>(), word => tokenizer.EncodeToIds(word, addSpecialTokens: false).Count == 1);
        });
        services.AddSingleton<CitationVerifier>();
        services.AddSingleton<ChatComposition>();
        services.AddSingleton<AskPipeline>();
        services.AddSingleton<AnswerStore>();
        services.AddSingleton<AnswerService>();
        return services;
    }

    private static IChatCompletionService CreateChatCompletion(IServiceProvider services)
    {
        var llm = services.GetRequiredService<IOptions<LlmOptions>>().Value;
        if (!llm.Enabled)
        {
            return new ExtractiveChatCompletionService(services.GetRequiredService<AnswerComposers>().Default);
        }

        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(llm.TimeoutSeconds) };
        var kernel = Kernel.CreateBuilder()
            // Local servers (Ollama, vLLM, LM Studio) need no key, but the OpenAI client insists on one.
            .AddOpenAIChatCompletion(llm.Model!, new Uri(llm.Endpoint!), string.IsNullOrEmpty(llm.ApiKey) ? "unused" : llm.ApiKey, httpClient: http)
            .Build();
        return kernel.GetRequiredService<IChatCompletionService>();
    }
}
