using Microsoft.Extensions.Configuration;
using Workbench.Core.Embeddings;
using Workbench.Core.Hosting;
using Workbench.Core.Ingestion.Uploads;

namespace Workbench.Core.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>Reading the corpus and uploads, chunking, and writing passages into the index.</summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ChunkingOptions>(configuration, ChunkingOptions.Section);
        services.AddSingleton(sp => new TokenChunker(
            sp.GetRequiredService<OnnxEmbeddingGenerator>().Tokenizer, sp.GetRequiredService<IOptions<ChunkingOptions>>().Value));
        services.AddSingleton<PassageIndexer>();
        // Relative folders are taken from the repository (or the app's folder), not from wherever the process started.
        services.AddValidatedOptions<CorpusOptions>(configuration, CorpusOptions.Section).PostConfigure(o => o.Directory = DataRoot.Resolve(o.Directory));
        services.AddSingleton<IndexStatus>();
        services.AddValidatedOptions<AdminOptions>(configuration, AdminOptions.Section).PostConfigure(o => o.UploadDirectory = DataRoot.Resolve(o.UploadDirectory));
        services.AddSingleton<CorpusUploads>();
        services.AddSingleton<AuditedUploads>();
        return services;
    }
}
