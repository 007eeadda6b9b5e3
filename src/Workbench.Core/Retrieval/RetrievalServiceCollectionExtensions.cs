using Microsoft.Extensions.Configuration;
using Workbench.Core.Hosting;
using Workbench.Core.Retrieval.Qdrant;

namespace Workbench.Core.Retrieval;

public static class RetrievalServiceCollectionExtensions
{
    /// <summary>The passage index (Qdrant, its only implementation) and its blue/green versions.</summary>
    public static IServiceCollection AddRetrieval(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<QdrantOptions>(configuration, QdrantOptions.Section);
        services.AddQdrantPassageIndex();
        services.AddSingleton<IndexVersions>();
        return services;
    }
}
