using Microsoft.Extensions.AI;
using Workbench.Core.Text;

namespace Workbench.UnitTests.Answering;

/// <summary>
/// A deterministic stand-in for the ONNX model: each content word adds to one of a few dimensions, so texts
/// sharing words are close. Enough to exercise the pipeline around retrieval without loading the model.
/// </summary>
public sealed class WordHashEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int Dimensions = 256;

    private readonly EmbeddingGeneratorMetadata metadata = new("word-hash", defaultModelDimensions: Dimensions);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(Embed(v)))));

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata : null;

    public void Dispose()
    {
    }

    private static float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        foreach (var term in Terms.Extract(text))
        {
            vector[SparseEncoder.Id(term) % Dimensions] += 1;
        }

        return vector;
    }
}
