using System.Threading.Channels;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace Workbench.Core.Embeddings;

/// <summary>
/// Runs a BERT-style sentence-embedding model (arctic-embed-xs) in-process with ONNX Runtime:
/// WordPiece tokens from the model's own vocabulary, CLS pooling, L2 normalisation.
/// </summary>
/// <remarks>
/// Single texts (questions) asked for at the same time are run as one batch by one worker: many
/// concurrent sessions each using every core only fight over the cores, while one batched run uses them
/// well. A question that arrives alone is run at once, without waiting for company.
/// </remarks>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly InferenceSession session;
    private readonly EmbeddingOptions options;
    private readonly EmbeddingGeneratorMetadata metadata;
    private readonly Channel<(long[] Ids, TaskCompletionSource<float[]> Done)> singles =
        Channel.CreateUnbounded<(long[], TaskCompletionSource<float[]>)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Task coalescing;

    public OnnxEmbeddingGenerator(IOptions<EmbeddingOptions> options)
    {
        this.options = options.Value;
        EmbeddingModelFiles.EnsureExtracted(this.options.ModelDirectory);
        Tokenizer = BertTokenizer.Create(EmbeddingModelFiles.VocabularyPath(this.options.ModelDirectory));
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = this.options.Threads > 0 ? this.options.Threads : Environment.ProcessorCount,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        // Idle intra-op threads otherwise spin waiting for work, taking the core the other thread (or another
        // request, or another process) needs: on this 2-core machine under load, embedding a question took
        // about twice as long with spinning as without.
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        session = new InferenceSession(EmbeddingModelFiles.ModelPath(this.options.ModelDirectory), sessionOptions);
        Dimensions = session.OutputMetadata["last_hidden_state"].Dimensions[^1];
        metadata = new EmbeddingGeneratorMetadata("onnxruntime", null, this.options.ModelName, Dimensions);
        coalescing = Task.Run(CoalesceAsync);
    }

    /// <summary>The model's own tokenizer; the chunker measures passages with it.</summary>
    public BertTokenizer Tokenizer { get; }

    public int Dimensions { get; }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        if (texts.Count == 1)
        {
            var done = new TaskCompletionSource<float[]>(TaskCreationOptions.RunContinuationsAsynchronously);
            await singles.Writer.WriteAsync((Encode(texts[0]), done), cancellationToken);
            return new GeneratedEmbeddings<Embedding<float>>([new Embedding<float>(await done.Task.WaitAsync(cancellationToken)) { ModelId = this.options.ModelName }]);
        }

        var encoded = texts.Select(Encode).ToList();
        var vectors = new float[texts.Count][];

        // Batches of similar length waste less work on padding.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => encoded[i].Length).ToList();
        foreach (var batch in order.Chunk(this.options.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batchVectors = Run(batch.Select(i => encoded[i]).ToList());
            for (var b = 0; b < batch.Length; b++)
            {
                vectors[batch[b]] = batchVectors[b];
            }
        }

        return new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = this.options.ModelName }));
    }

    /// <summary>Runs whatever single texts are waiting as one batch, again and again.</summary>
    private async Task CoalesceAsync()
    {
        var batch = new List<(long[] Ids, TaskCompletionSource<float[]> Done)>(options.BatchSize);
        while (await singles.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < options.BatchSize && singles.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                var vectors = Run(batch.Select(b => b.Ids).ToList());
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(vectors[i]);
                }
            }
            catch (Exception ex)
            {
                batch.ForEach(b => b.Done.TrySetException(ex));
            }
        }
    }

    private long[] Encode(string text)
    {
        var ids = Tokenizer.EncodeToIds(text, addSpecialTokens: false);
        var length = Math.Min(ids.Count, options.MaxTokens - 2);
        var result = new long[length + 2];
        result[0] = Tokenizer.ClassificationTokenId;
        for (var i = 0; i < length; i++)
        {
            result[i + 1] = ids[i];
        }

        result[^1] = Tokenizer.SeparatorTokenId;
        return result;
    }

    private float[][] Run(IReadOnlyList<long[]> batch)
    {
        var width = batch.Max(b => b.Length);
        var inputIds = new DenseTensor<long>([batch.Count, width]);
        var attention = new DenseTensor<long>([batch.Count, width]);
        var tokenTypes = new DenseTensor<long>([batch.Count, width]);
        for (var b = 0; b < batch.Count; b++)
        {
            for (var t = 0; t < batch[b].Length; t++)
            {
                inputIds[b, t] = batch[b][t];
                attention[b, t] = 1;
            }
        }

        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", inputIds),
            NamedOnnxValue.CreateFromTensor("attention_mask", attention),
            NamedOnnxValue.CreateFromTensor("token_type_ids", tokenTypes),
        };
        using var outputs = session.Run(inputs, ["last_hidden_state"]);
        var hidden = outputs[0].AsTensor<float>();
        var vectors = new float[batch.Count][];
        for (var b = 0; b < batch.Count; b++)
        {
            // CLS pooling: arctic-embed represents the whole text by the first token's state.
            var vector = new float[Dimensions];
            double norm = 0;
            for (var d = 0; d < Dimensions; d++)
            {
                vector[d] = hidden[b, 0, d];
                norm += vector[d] * vector[d];
            }

            var scale = (float)(1 / Math.Sqrt(Math.Max(norm, 1e-12)));
            for (var d = 0; d < Dimensions; d++)
            {
                vector[d] *= scale;
            }

            vectors[b] = vector;
        }

        return vectors;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        singles.Writer.TryComplete();
        coalescing.Wait();
        session.Dispose();
    }
}
