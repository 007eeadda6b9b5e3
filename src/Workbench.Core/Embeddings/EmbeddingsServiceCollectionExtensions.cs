using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Workbench.Core.Hosting;

namespace Workbench.Core.Embeddings;

public static class EmbeddingsServiceCollectionExtensions
{
    /// <summary>The local ONNX embedding model, as the generator every feature embeds with.</summary>
    public static IServiceCollection AddEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<EmbeddingOptions>(configuration, EmbeddingOptions.Section);
        services.AddSingleton<OnnxEmbeddingGenerator>();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => sp.GetRequiredService<OnnxEmbeddingGenerator>());
        return services;
    }
}
