using Grpc.Core.Interceptors;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using Workbench.Core.Backup;

namespace Workbench.Core.Retrieval.Qdrant;

public static class QdrantServiceCollectionExtensions
{
    /// <summary>Qdrant as the passage index, its versions' catalog and their snapshots; its errors translated at the seam.</summary>
    public static IServiceCollection AddQdrantPassageIndex(this IServiceCollection services)
    {
        // A singleton of its own so the container disposes it: a client built on an intercepted channel does not own it.
        services.AddSingleton(sp =>
        {
            var qdrant = sp.GetRequiredService<IOptions<QdrantOptions>>().Value;
            return QdrantChannel.ForAddress(new Uri($"{(qdrant.Https ? "https" : "http")}://{qdrant.Host}:{qdrant.GrpcPort}"), new ClientConfiguration { ApiKey = qdrant.ApiKey });
        });
        services.AddSingleton(sp => new QdrantClient(new QdrantGrpcClient(sp.GetRequiredService<QdrantChannel>().Intercept(new QdrantErrorTranslation()))));
        services.AddSingleton<IPassageIndex, QdrantPassageIndex>();
        services.AddSingleton<IIndexCatalog, QdrantIndexCatalog>();
        services.AddSingleton<IIndexSnapshots, QdrantSnapshots>();
        return services;
    }
}
