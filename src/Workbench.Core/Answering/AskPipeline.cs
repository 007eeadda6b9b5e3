using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Services;
using Workbench.Core.Domain;
using Workbench.Core.Embeddings;
using Workbench.Core.Ingestion;
using Workbench.Core.Retrieval;

namespace Workbench.Core.Answering;

/// <summary>
/// Ask: validate, embed the query, retrieve passages from Qdrant, let the configured chat-completion
/// service compose a cited answer, keep only cited sentences, and abstain when none remain.
/// </summary>
public sealed class AskPipeline(
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    QdrantPassageIndex index,
    Kernel kernel,
    IOptions<AskOptions> askOptions,
    IOptions<EmbeddingOptions> embeddingOptions,
    IOptions<ChunkingOptions> chunkingOptions,
    TimeProvider time,
    ILogger<AskPipeline> logger)
{
    private const int ClosestPassagesShown = 3;

    private PipelineConfiguration Describe(string name, int version, RetrieverKind retriever, RerankerKind reranker, int topK, string composer)
    {
        var ask = askOptions.Value;
        return new PipelineConfiguration(name, version, embeddingOptions.Value.ModelName,
            retriever.ToString().ToLowerInvariant(), retriever == RetrieverKind.Hybrid ? FusionSettings.ToString() : "none",
            reranker == RerankerKind.None ? "none" : $"{reranker.ToString().ToLowerInvariant()}(w={ask.LexicalWeight:0.##})",
            topK, chunkingOptions.Value.MaxTokens, chunkingOptions.Value.OverlapTokens, composer);
    }

    private FusionSettings FusionSettings => new(askOptions.Value.Fusion, askOptions.Value.RrfK, askOptions.Value.DenseWeight);

    public void Validate(AskRequest request)
    {
        var options = askOptions.Value;
        if (string.IsNullOrWhiteSpace(request.Question))
        {
            throw new InvalidQuestionException("question", "Type a question first.");
        }

        if (request.Question.Length > options.MaxQuestionLength)
        {
            throw new InvalidQuestionException("question",
                $"The question is {request.Question.Length:N0} characters long; the limit is {options.MaxQuestionLength:N0}. Shorten it to the clinical question itself.");
        }

        if (request.TopK is { } k && (k < 1 || k > options.MaxTopK))
        {
            throw new InvalidQuestionException("topK", $"topK must be between 1 and {options.MaxTopK}.");
        }

        if (request.Filters is { YearFrom: { } from, YearTo: { } to } && from > to)
        {
            throw new InvalidQuestionException("filters", "The 'from' year is after the 'to' year.");
        }
    }

    /// <summary>Embed the question and find its passages: the retrieval half of asking, shared with evaluations.</summary>
    public async Task<RetrievalResult> RetrieveAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        Validate(request);
        var ask = askOptions.Value;
        var question = request.Question.Trim();
        var variant = request.Variant ?? ask.DefaultVariant;
        var retriever = request.Retriever ?? variant.Retriever;
        var reranker = request.Reranker ?? variant.Reranker;
        var topK = request.TopK ?? variant.TopK;
        var composer = kernel.GetRequiredService<IChatCompletionService>().GetModelId() ?? "unknown";
        var configuration = Describe(variant.Name, variant.Version, retriever, reranker, topK, composer);

        var stopwatch = Stopwatch.StartNew();
        var embedding = await embedder.GenerateAsync(embeddingOptions.Value.QueryPrefix + question, cancellationToken: cancellationToken);
        var embedMs = stopwatch.Elapsed.TotalMilliseconds;

        stopwatch.Restart();
        var candidates = reranker == RerankerKind.None ? topK : topK * LexicalReranker.CandidateFactor;
        var query = new PassageQuery(embedding.Vector, SparseEncoder.EncodeQuery(question), retriever, candidates, request.Filters ?? SearchFilters.None, FusionSettings);
        IReadOnlyList<RetrievedPassage> passages;
        try
        {
            passages = await index.SearchAsync(query, cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown)
        {
            logger.LogError(ex, "Passage search failed: Qdrant is unavailable");
            throw new RetrievalUnavailableException("The passage index (Qdrant) is not reachable, so no answer can be given. Try again shortly; an admin can check /api/health.", ex);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            throw new RetrievalUnavailableException("The passage index has not been built yet. Wait for indexing to finish, or ask an admin to index the corpus.", ex);
        }

        if (reranker == RerankerKind.Lexical)
        {
            passages = LexicalReranker.Rerank(question, passages, topK, ask.LexicalWeight);
        }

        return new RetrievalResult(passages, configuration, embedMs, stopwatch.Elapsed.TotalMilliseconds);
    }

    public async Task<AskResult> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        var (passages, configuration, embedMs, retrieveMs) = await RetrieveAsync(request, cancellationToken);
        var question = request.Question.Trim();

        var stopwatch = Stopwatch.StartNew();
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var reply = passages.Count == 0
            ? null
            : await chat.GetChatMessageContentAsync(GroundedPrompt.Build(question, passages), kernel: kernel, cancellationToken: cancellationToken);
        var sentences = CitedText.Parse(reply?.Content ?? string.Empty, passages.Count);
        var composeMs = stopwatch.Elapsed.TotalMilliseconds;

        var (renumbered, citations) = Renumber(sentences, passages);
        var abstained = renumbered.Count == 0;
        var closest = abstained
            ? passages.Take(ClosestPassagesShown).Select((p, i) => ToCitation(i + 1, p)).ToList()
            : [];
        string? reason = !abstained ? null
            : passages.Count == 0 ? "No indexed passage matches the question and filters."
            : "The indexed corpus does not contain a passage that answers this question with enough confidence. The closest passages are shown below; they may not answer it.";

        return new AskResult(Guid.NewGuid(), question, renumbered, citations, closest, abstained, reason,
            new AskTimings(embedMs, retrieveMs, composeMs), configuration, time.GetUtcNow());
    }

    /// <summary>Citation numbers in the answer run 1..n in order of first use, whatever the retrieval rank.</summary>
    private static (IReadOnlyList<AnswerSentence> Sentences, IReadOnlyList<Citation> Citations) Renumber(
        IReadOnlyList<AnswerSentence> sentences, IReadOnlyList<RetrievedPassage> passages)
    {
        var numbers = new Dictionary<int, int>();
        foreach (var n in sentences.SelectMany(s => s.CitationNumbers))
        {
            numbers.TryAdd(n, numbers.Count + 1);
        }

        var renumbered = sentences.Select(s => s with { CitationNumbers = s.CitationNumbers.Select(n => numbers[n]).ToList() }).ToList();
        var citations = numbers.Select(pair => ToCitation(pair.Value, passages[pair.Key - 1])).ToList();
        return (renumbered, citations);
    }

    private static Citation ToCitation(int number, RetrievedPassage retrieved) =>
        new(number, retrieved.Passage.Id, retrieved.Passage.DocumentId, retrieved.Passage.Heading, retrieved.Passage.Text, retrieved.Score, retrieved.Passage.Source);
}
