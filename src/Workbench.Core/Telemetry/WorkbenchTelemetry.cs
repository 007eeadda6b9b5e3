using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Workbench.Core.Telemetry;

/// <summary>
/// The workbench's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, and the instruments on it.
/// Attribute values are names of configurations, models, collections, counts, scores and durations: never
/// a question, a passage, a user or anything else a person typed or a document said, so a trace or a
/// metric can leave the hospital's network for a collector without carrying patient data.
/// </summary>
public static class WorkbenchTelemetry
{
    public const string Name = "Workbench";

    public static readonly ActivitySource Source = new(Name, typeof(WorkbenchTelemetry).Assembly.GetName().Version?.ToString());

    public static readonly Meter Meter = new(Name, typeof(WorkbenchTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Span names that are not GenAI operations (those are named "{operation} {model or collection}").</summary>
    public static class Spans
    {
        public const string Ask = "ask";
        public const string Rerank = "rerank";
        public const string Verify = "verify citations";
        public const string SaveAnswer = "save answers";
        public const string Reindex = "reindex";
        public const string IndexBatch = "index batch";
        public const string CampaignGeneration = "generate campaign";
        public const string CampaignAnswer = "generate campaign answer";
    }

    /// <summary>The stages of an ask, as the <c>workbench.ask.stage</c> attribute and the Operations page name them.</summary>
    public static class Stages
    {
        public const string Embeddings = "embeddings";
        public const string Retrieval = "retrieval";
        public const string Rerank = "rerank";
        public const string Chat = "chat";
        public const string Verification = "verification";
        public const string Save = "save";

        public static readonly IReadOnlyList<string> All = [Embeddings, Retrieval, Rerank, Chat, Verification, Save];
    }

    /// <summary>Attribute names: the OpenTelemetry GenAI and database conventions where they exist, <c>workbench.*</c> otherwise.</summary>
    public static class Attributes
    {
        public const string GenAiOperation = "gen_ai.operation.name";
        public const string GenAiProvider = "gen_ai.provider.name";
        public const string GenAiRequestModel = "gen_ai.request.model";
        public const string GenAiDataSource = "gen_ai.data_source.id";
        public const string GenAiTopK = "gen_ai.request.top_k";
        public const string GenAiInputTokens = "gen_ai.usage.input_tokens";
        public const string GenAiOutputTokens = "gen_ai.usage.output_tokens";
        public const string DbOperation = "db.operation.name";
        public const string DbCollection = "db.collection.name";
        public const string ErrorType = "error.type";
        public const string GrpcStatus = "rpc.grpc.status_code";
        public const string Stage = "workbench.ask.stage";
        public const string Pipeline = "workbench.pipeline";
        public const string Question = "workbench.question";
        public const string Abstained = "workbench.ask.abstained";
        public const string Citations = "workbench.ask.citations";
        public const string Retriever = "workbench.retrieval.retriever";
        public const string Fusion = "workbench.retrieval.fusion";
        public const string Hits = "workbench.retrieval.hits";
        public const string BestScore = "workbench.retrieval.best_score";
        public const string Reranker = "workbench.rerank.name";
        public const string Fallback = "workbench.chat.fallback";
        public const string Sentences = "workbench.verification.sentences";
        public const string Unsupported = "workbench.verification.unsupported";
        public const string UnsupportedAction = "workbench.verification.action";
        public const string ReindexJob = "workbench.reindex.job";
        public const string ReindexMode = "workbench.reindex.mode";
        public const string ReindexOutcome = "workbench.reindex.outcome";
        public const string Documents = "workbench.indexing.documents";
        public const string Passages = "workbench.indexing.passages";
        public const string Embedded = "workbench.indexing.embedded";
        public const string Campaign = "workbench.campaign.id";
        public const string Variant = "workbench.campaign.variant";
        public const string Side = "workbench.rate_limit.side";
    }

    public static readonly Histogram<double> AskDuration = Meter.CreateHistogram<double>(
        "workbench.ask.duration", "s", "Time from a question to its verified answer, by pipeline configuration and outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });

    public static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>(
        "workbench.ask.stage.duration", "s", "Time an ask spends in one stage (embeddings, retrieval, rerank, chat, verification, save).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

    public static readonly Counter<long> Abstentions = Meter.CreateCounter<long>(
        "workbench.ask.abstentions", "{answer}", "Asks answered with an abstention instead of a cited answer.");

    public static readonly Counter<long> AskErrors = Meter.CreateCounter<long>(
        "workbench.ask.errors", "{ask}", "Asks that ended in an error, by error type.");

    public static readonly Counter<long> UnsupportedSentences = Meter.CreateCounter<long>(
        "workbench.verification.unsupported_sentences", "{sentence}", "Composed sentences the citation verifier found unsupported, removed or kept flagged.");

    public static readonly Histogram<double> BestScore = Meter.CreateHistogram<double>(
        "workbench.retrieval.best_score", "1", "The best retrieved passage's score per ask, by retriever.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] });

    public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>(
        "workbench.rate_limited", "{request}", "Requests refused with 429 by the workbench (inbound) or refused to it by the language model.");

    public static readonly Counter<long> PassagesEmbedded = Meter.CreateCounter<long>(
        "workbench.indexing.passages_embedded", "{passage}", "Passages run through the embedding model while indexing; its rate is passages embedded per second.");

    public static readonly Gauge<double> ReindexProgress = Meter.CreateGauge<double>(
        "workbench.reindex.progress", "1", "The running reindex job's share of documents done (0 to 1).");

    public static readonly UpDownCounter<long> ReindexRunning = Meter.CreateUpDownCounter<long>(
        "workbench.reindex.running", "{job}", "Reindex jobs running on this instance.");

    public static readonly Counter<long> ReindexJobs = Meter.CreateCounter<long>(
        "workbench.reindex.jobs", "{job}", "Reindex jobs ended, by outcome (succeeded, failed, cancelled, interrupted).");

    public static readonly Counter<long> CampaignJudgements = Meter.CreateCounter<long>(
        "workbench.campaign.judgements", "{judgement}", "Judgements submitted by campaign raters.");

    public static readonly Counter<long> QdrantErrors = Meter.CreateCounter<long>(
        "workbench.qdrant.errors", "{error}", "Qdrant calls that failed, by gRPC status.");

    public static readonly Counter<long> DatabaseErrors = Meter.CreateCounter<long>(
        "workbench.database.errors", "{error}", "Database commands that failed.");

    /// <summary>Marks a span failed by the exception's type only: its message may quote what it failed on.</summary>
    public static void Failed(Activity? span, Exception ex)
    {
        span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
        span?.SetTag(Attributes.ErrorType, ex.GetType().FullName);
    }

    /// <summary>Starts a stage of an ask, a child of the current span; its duration also goes to <see cref="StageDuration"/>.</summary>
    public static StageScope Stage(string stage, string spanName, string pipeline) => new(stage, pipeline, Source.StartActivity(spanName, ActivityKind.Internal));

    /// <summary>A stage of an ask: a span when anyone listens, and a duration measured either way.</summary>
    public sealed class StageScope(string stage, string pipeline, Activity? activity) : IDisposable
    {
        private readonly long started = Stopwatch.GetTimestamp();

        public StageScope Tag(string name, object? value)
        {
            activity?.SetTag(name, value);
            return this;
        }

        public void Fail(Exception ex) => Failed(activity, ex);

        public void Dispose()
        {
            StageDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new(Attributes.Stage, stage), new(Attributes.Pipeline, pipeline));
            activity?.SetTag(Attributes.Stage, stage);
            activity?.Dispose();
        }
    }
}
