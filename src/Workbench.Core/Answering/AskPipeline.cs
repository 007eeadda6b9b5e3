using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Services;
using Workbench.Core.Answering.Verification;
using Workbench.Core.Embeddings;
using Workbench.Core.Ingestion;
using Workbench.Core.Retrieval;
using Workbench.Core.Telemetry;
using Workbench.Core.Text;

namespace Workbench.Core.Answering;

/// <summary>
/// Ask: validate, embed the query, retrieve passages from Qdrant, let the configured chat-completion
/// service compose a cited answer, keep only cited sentences, and abstain when none remain.
/// </summary>
public sealed class AskPipeline(
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    IPassageIndex index,
    Kernel kernel,
    IOptions<AskOptions> askOptions,
    IOptions<EmbeddingOptions> embeddingOptions,
    IOptions<ChunkingOptions> chunkingOptions,
    IOptions<VerificationOptions> verification,
    IOptions<TelemetryOptions> telemetry,
    CitationVerifier verifier,
    ChatComposition chatComposition,
    AnswerComposers composers,
    TimeProvider time,
    ILogger<AskPipeline> logger)
{
    private const int ClosestPassagesShown = 3;

    private PipelineConfiguration Describe(string name, int version, RetrieverKind retriever, RerankerKind reranker, int topK, string composer, SearchTuning tuning)
    {
        var ask = askOptions.Value;
        var query = string.Join(", ", new[]
        {
            tuning.CleanQuestion ? "cleaned" : null,
            tuning.AdaptiveSparseWeight ? "adaptive sparse weight" : null,
            tuning.FeedbackPassages > 0 ? $"feedback({tuning.FeedbackPassages}×{tuning.FeedbackWeight:0.##})" : null,
            tuning.DocumentAggregation > 0 ? $"documents(+{tuning.DocumentAggregation:0.##})" : null,
        }.OfType<string>());
        return new PipelineConfiguration(name, version, embeddingOptions.Value.ModelName,
            retriever.ToString().ToLowerInvariant(), retriever == RetrieverKind.Hybrid ? FusionSettings.ToString() : "none",
            reranker == RerankerKind.None ? "none" : $"{reranker.ToString().ToLowerInvariant()}(w={ask.LexicalWeight:0.##})",
            topK, chunkingOptions.Value.MaxTokens, chunkingOptions.Value.OverlapTokens, composer, query.Length > 0 ? query : "none");
    }

    private FusionSettings FusionSettings => new(askOptions.Value.Fusion, askOptions.Value.RrfK, askOptions.Value.DenseWeight, askOptions.Value.SparseWeight);

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
        // What is done to the question and the ranking belongs to the configured pipeline: a request naming
        // its own retriever or re-ranker (an evaluation's baseline) runs them plain.
        var tuning = request.Retriever is null && request.Reranker is null ? ask.Tuning : SearchTuning.None;
        var configuration = Describe(variant.Name, variant.Version, retriever, reranker, topK, composer, tuning);

        var search = tuning.CleanQuestion ? ConsumerMessage.Clean(question) : question;
        var emphasis = tuning.AdaptiveSparseWeight ? SparseEmphasis.Of(search) : 1;
        var pipeline = PipelineName(configuration);
        var model = embeddingOptions.Value.ModelName;
        var stopwatch = Stopwatch.StartNew();
        Embedding<float> embedding;
        using (WorkbenchTelemetry.Stage(WorkbenchTelemetry.Stages.Embeddings, $"embeddings {model}", pipeline)
            .Tag(WorkbenchTelemetry.Attributes.GenAiOperation, "embeddings")
            .Tag(WorkbenchTelemetry.Attributes.GenAiProvider, "onnxruntime")
            .Tag(WorkbenchTelemetry.Attributes.GenAiRequestModel, model))
        {
            embedding = await embedder.GenerateAsync(embeddingOptions.Value.QueryPrefix + search, cancellationToken: cancellationToken);
        }

        var embedMs = stopwatch.Elapsed.TotalMilliseconds;

        stopwatch.Restart();
        var candidates = reranker == RerankerKind.None ? topK : LexicalReranker.Candidates(topK);
        var fusion = FusionSettings with { SparseWeight = FusionSettings.SparseWeight * emphasis };
        var filters = request.Filters ?? SearchFilters.None;
        IReadOnlyList<RetrievedPassage> passages;
        using var stage = WorkbenchTelemetry.Stage(WorkbenchTelemetry.Stages.Retrieval, $"retrieval {index.Collection}", pipeline)
            .Tag(WorkbenchTelemetry.Attributes.GenAiOperation, "retrieval")
            .Tag(WorkbenchTelemetry.Attributes.GenAiDataSource, index.Collection)
            .Tag(WorkbenchTelemetry.Attributes.Retriever, configuration.Retriever)
            .Tag(WorkbenchTelemetry.Attributes.Fusion, configuration.Fusion)
            .Tag(WorkbenchTelemetry.Attributes.GenAiTopK, topK);
        try
        {
            var vector = tuning.FeedbackPassages > 0
                ? PseudoRelevanceFeedback.Move(embedding.Vector, await index.NearestDenseVectorsAsync(embedding.Vector, tuning.FeedbackPassages, filters, cancellationToken), tuning.FeedbackWeight)
                : embedding.Vector;
            var query = new PassageQuery(vector, SparseEncoder.EncodeQuery(search), retriever, candidates, filters, fusion, WithTermIds: reranker == RerankerKind.Lexical,
                Evidence: tuning.FeedbackPassages > 0 ? embedding.Vector : (ReadOnlyMemory<float>?)null);
            var hits = await index.FindAsync(query, cancellationToken);
            if (reranker == RerankerKind.Lexical)
            {
                using var rerank = WorkbenchTelemetry.Stage(WorkbenchTelemetry.Stages.Rerank, $"{WorkbenchTelemetry.Spans.Rerank} lexical", pipeline)
                    .Tag(WorkbenchTelemetry.Attributes.Reranker, configuration.Reranker)
                    .Tag(WorkbenchTelemetry.Attributes.GenAiTopK, topK);
                hits = LexicalReranker.Rerank(search, hits, topK, Math.Min(1, ask.LexicalWeight * emphasis));
            }

            passages = await index.LoadAsync(hits, cancellationToken);
            if (tuning.DocumentAggregation > 0)
            {
                passages = DocumentEvidence.Rank(passages, tuning.DocumentAggregation);
            }
        }
        catch (PassageIndexUnavailableException ex)
        {
            stage.Fail(ex);
            logger.LogError(ex, "Passage search failed: Qdrant is unavailable");
            throw new RetrievalUnavailableException("The passage index (Qdrant) is not reachable, so no answer can be given. Try again shortly; an admin can check /api/health.", ex);
        }
        catch (PassageIndexNotFoundException ex)
        {
            stage.Fail(ex);
            throw new RetrievalUnavailableException("The passage index has not been built yet. Wait for indexing to finish, or ask an admin to index the corpus.", ex);
        }

        stage.Tag(WorkbenchTelemetry.Attributes.Hits, passages.Count);
        if (passages.Count > 0)
        {
            var best = passages.Max(p => p.Score);
            stage.Tag(WorkbenchTelemetry.Attributes.BestScore, best);
            WorkbenchTelemetry.BestScore.Record(best, new(WorkbenchTelemetry.Attributes.Retriever, configuration.Retriever), new(WorkbenchTelemetry.Attributes.Pipeline, pipeline));
        }

        return new RetrievalResult(passages, configuration, embedMs, stopwatch.Elapsed.TotalMilliseconds);
    }

    /// <summary>The pipeline configuration as a metric attribute: its name and version, few enough values to group by.</summary>
    private static string PipelineName(PipelineConfiguration configuration) => $"{configuration.Name} v{configuration.Version}";

    /// <summary>
    /// Asks: one trace, the <c>ask</c> span with a child per stage. With <paramref name="onText"/>, the
    /// composer's reply is streamed to it as it grows (the text so far, citation markers included) before
    /// the final, verified answer is returned. <paramref name="keep"/> stores the answer, as the last stage
    /// of the same trace.
    /// </summary>
    public async Task<AskResult> AskAsync(
        AskRequest request, CancellationToken cancellationToken = default, Func<string, Task>? onText = null, Func<AskResult, CancellationToken, Task>? keep = null)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = WorkbenchTelemetry.Source.StartActivity(WorkbenchTelemetry.Spans.Ask);
        if (telemetry.Value.IncludeQuestionText)
        {
            span?.SetTag(WorkbenchTelemetry.Attributes.Question, request.Question);
        }

        try
        {
            var result = await AnswerAsync(request, cancellationToken, onText);
            var pipeline = PipelineName(result.Pipeline);
            span?.SetTag(WorkbenchTelemetry.Attributes.Pipeline, pipeline);
            span?.SetTag(WorkbenchTelemetry.Attributes.Abstained, result.Abstained);
            span?.SetTag(WorkbenchTelemetry.Attributes.Citations, result.Citations.Count);
            if (keep is not null)
            {
                using var save = WorkbenchTelemetry.Stage(WorkbenchTelemetry.Stages.Save, WorkbenchTelemetry.Spans.SaveAnswer, pipeline)
                    .Tag(WorkbenchTelemetry.Attributes.DbOperation, "save")
                    .Tag(WorkbenchTelemetry.Attributes.DbCollection, "answers");
                await keep(result, cancellationToken);
            }

            WorkbenchTelemetry.AskDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new(WorkbenchTelemetry.Attributes.Pipeline, pipeline), new(WorkbenchTelemetry.Attributes.Abstained, result.Abstained));
            if (result.Abstained)
            {
                WorkbenchTelemetry.Abstentions.Add(1, new KeyValuePair<string, object?>(WorkbenchTelemetry.Attributes.Pipeline, pipeline));
            }

            return result;
        }
        catch (Exception ex) when (ex is not (InvalidQuestionException or OperationCanceledException))
        {
            WorkbenchTelemetry.Failed(span, ex);
            WorkbenchTelemetry.AskErrors.Add(1, new KeyValuePair<string, object?>(WorkbenchTelemetry.Attributes.ErrorType, ex.GetType().FullName));
            throw;
        }
    }

    private async Task<AskResult> AnswerAsync(AskRequest request, CancellationToken cancellationToken, Func<string, Task>? onText)
    {
        var (passages, configuration, embedMs, retrieveMs) = await RetrieveAsync(request, cancellationToken);
        var question = request.Question.Trim();
        var pipeline = PipelineName(configuration);

        var stopwatch = Stopwatch.StartNew();
        var composed = new ComposedReply(null, false, null);
        if (passages.Count > 0)
        {
            var model = configuration.Composer;
            using var chat = WorkbenchTelemetry.Stage(WorkbenchTelemetry.Stages.Chat, $"chat {model}", pipeline)
                .Tag(WorkbenchTelemetry.Attributes.GenAiOperation, "chat")
                .Tag(WorkbenchTelemetry.Attributes.GenAiRequestModel, model);
            composed = await chatComposition.ComposeAsync(question, passages, onText, chat, cancellationToken);
            chat.Tag(WorkbenchTelemetry.Attributes.Fallback, composed.FellBack);
        }

        if (composed.FellBack)
        {
            configuration = configuration with { Composer = $"{composers.Default.Name} (fallback)" };
        }

        IReadOnlyList<AnswerSentence> sentences;
        using (var verify = WorkbenchTelemetry.Stage(WorkbenchTelemetry.Stages.Verification, WorkbenchTelemetry.Spans.Verify, pipeline))
        {
            sentences = await VerifyAsync(CitedText.Parse(composed.Reply ?? string.Empty, passages.Count), passages, composed.Quoted, verify, cancellationToken);
        }

        var composeMs = stopwatch.Elapsed.TotalMilliseconds;

        var (renumbered, citations, numbers) = CitationNumbering.Renumber(sentences, passages);
        var abstained = renumbered.All(s => s.Support == SupportLevel.Unsupported);
        var closest = abstained
            ? passages.Take(ClosestPassagesShown).Select((p, i) => CitationNumbering.ToCitation(i + 1, p)).ToList()
            : [];
        string? reason = !abstained ? null
            : passages.Count == 0 ? "No indexed passage matches the question and filters."
            : renumbered.Count > 0 ? "The composed answer is not supported by the passages it cites, so it is not given. The closest passages are shown below; they may not answer the question."
            : "The indexed corpus does not contain a passage that answers this question with enough confidence. The closest passages are shown below; they may not answer it.";
        var retrieved = passages.Select((p, i) => new RetrievedSummary(p.Passage.Id, p.Passage.Source.Title, p.Passage.Heading, p.Score,
            numbers.TryGetValue(i + 1, out var n) ? n : null, InstructionDetector.LooksLikeInstruction(p.Passage.Text))).ToList();
        foreach (var flagged in retrieved.Where(r => r.InstructionLike))
        {
            // The passage id only: passage text is untrusted and the question may carry identifiers.
            logger.LogWarning("Passage {PassageId} contains text that reads as instructions to a language model; it was treated as data. An admin should review the document", flagged.PassageId);
        }

        // Parts of the question the passages do not answer are said plainly, in the fixed words of the notice.
        var notices = new[] { composed.Notice, abstained ? null : CitedText.NotFoundNotice(CitedText.Unanswered(composed.Reply ?? string.Empty)) }.OfType<string>().ToList();
        return new AskResult(Guid.NewGuid(), question, abstained ? [] : renumbered, abstained ? [] : citations, closest, abstained, reason,
            new AskTimings(embedMs, retrieveMs, composeMs), configuration, time.GetUtcNow(), retrieved, notices.Count == 0 ? null : string.Join(' ', notices));
    }

    /// <summary>
    /// Marks each sentence with how well its cited passages support it. Quoted sentences are the
    /// passages' own words; written ones go through the verifier, and unsupported ones are dropped or
    /// kept flagged, as configured.
    /// </summary>
    private async Task<IReadOnlyList<AnswerSentence>> VerifyAsync(
        IReadOnlyList<AnswerSentence> sentences, IReadOnlyList<RetrievedPassage> passages, bool quoted, WorkbenchTelemetry.StageScope span, CancellationToken cancellationToken)
    {
        var options = verification.Value;
        span.Tag(WorkbenchTelemetry.Attributes.Sentences, sentences.Count);
        if (quoted || !options.Enabled || sentences.Count == 0)
        {
            return sentences.Select(s => s with { Support = SupportLevel.Supported, SupportNote = quoted ? "quoted from the passage" : null }).ToList();
        }

        var verdicts = await verifier.VerifyAsync(
            sentences.Select(s => (s.Text, (IReadOnlyList<string>)s.CitationNumbers.Select(n => passages[n - 1].Passage.Text).ToList())).ToList(), cancellationToken);
        var marked = sentences.Zip(verdicts, (s, v) => s with
        {
            Support = v.Level,
            SupportNote = v.Reasons.Count > 0 ? string.Join("; ", v.Reasons) : $"meaning {v.Similarity:F2}, words {v.Coverage:P0}",
        }).ToList();
        var unsupported = marked.Count(s => s.Support == SupportLevel.Unsupported);
        var remove = options.Unsupported == UnsupportedSentences.Remove && unsupported < marked.Count;
        span.Tag(WorkbenchTelemetry.Attributes.Unsupported, unsupported);
        if (unsupported > 0)
        {
            var action = remove ? "removed" : "flagged";
            span.Tag(WorkbenchTelemetry.Attributes.UnsupportedAction, action);
            WorkbenchTelemetry.UnsupportedSentences.Add(unsupported, new KeyValuePair<string, object?>(WorkbenchTelemetry.Attributes.UnsupportedAction, action));
            logger.LogInformation("Citation verifier: {Unsupported} of {Sentences} composed sentences unsupported", unsupported, marked.Count);
        }

        return remove ? marked.Where(s => s.Support != SupportLevel.Unsupported).ToList() : marked;
    }
}
