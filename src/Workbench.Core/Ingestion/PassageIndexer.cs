using System.Diagnostics;
using Microsoft.Extensions.AI;
using Workbench.Core.Deidentification;
using Workbench.Core.Retrieval;
using Workbench.Core.Telemetry;

namespace Workbench.Core.Ingestion;

public sealed record IndexingProgress(int DocumentsDone, int DocumentsTotal, int PassagesDone);

public sealed record IndexingReport(
    int Documents,
    int Passages,
    int Embedded,
    int Unchanged,
    IReadOnlyList<IngestionProblem> Problems,
    IReadOnlyList<DocumentRedactions> Redactions,
    TimeSpan Elapsed);

/// <summary>
/// Ingestion: read a source, de-identify each document (before anything is embedded or stored), chunk it, embed only passages whose content hash changed,
/// upsert them with their metadata, and drop passages a shorter new version no longer has.
/// </summary>
public sealed class PassageIndexer(
    TokenChunker chunker,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    IPassageIndex index,
    ILogger<PassageIndexer> logger,
    DeidentificationSettings? deidentification = null)
{
    // Large enough that sorting by length keeps padding low and Qdrant round trips few.
    private const int DocumentsPerBatch = 128;

    /// <summary>Creates the collection for this embedding model, or rebuilds one made for an older schema.</summary>
    public Task EnsureCollectionAsync(CancellationToken cancellationToken = default) => EnsureCollectionAsync(index, cancellationToken);

    public async Task EnsureCollectionAsync(IPassageIndex target, CancellationToken cancellationToken = default) =>
        await target.EnsureCollectionAsync(Dimensions, cancellationToken);

    public int Dimensions => embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions
        ?? throw new InvalidOperationException("the embedding generator does not report its dimensions");

    private static async Task WriteAsync(
        IPassageIndex target,
        IReadOnlyList<(Workbench.Core.Domain.Passage Passage, ReadOnlyMemory<float> Vector)> items,
        IReadOnlyList<(string DocumentId, int PassageCount)> documents,
        CancellationToken cancellationToken)
    {
        await target.UpsertAsync(items, cancellationToken);
        await target.DeleteStalePassagesAsync(documents, cancellationToken);
    }

    public Task<IndexingReport> IndexAsync(IDocumentSource source, IProgress<IndexingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        IndexIntoAsync(index, source, DocumentsPerBatch, progress, cancellationToken);

    /// <summary>
    /// Indexes into the given collection, batch by batch. Passages already stored there with the same
    /// content hash are not embedded again, so running it again after an interruption resumes the work;
    /// passages unchanged since <paramref name="reuseFrom"/> (the live version, when building a new one)
    /// take their vectors from it instead of the model. Without one, a passage stored with an older
    /// sparse encoding keeps its dense vector and only gets the new sparse vector.
    /// </summary>
    public async Task<IndexingReport> IndexIntoAsync(
        IPassageIndex target,
        IDocumentSource source,
        int documentsPerBatch,
        IProgress<IndexingProgress>? progress = null,
        CancellationToken cancellationToken = default,
        IPassageIndex? reuseFrom = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var read = source.Read();
        foreach (var problem in read.Problems)
        {
            logger.LogWarning("Skipped {Source}: {Message}", problem.Source, problem.Message);
        }

        await EnsureCollectionAsync(target, cancellationToken);

        int documents = 0, passages = 0, embedded = 0;
        var redactions = new List<DocumentRedactions>();
        // Writing a batch to Qdrant overlaps with embedding the next one: the model, not the upsert, sets the pace.
        Task pendingWrite = Task.CompletedTask;
        // Read once per indexing run: an edit of the allow list applies from the next reindex.
        var allowed = deidentification?.AllowList() ?? AllowList.Empty;
        foreach (var batch in read.Documents.Chunk(documentsPerBatch))
        {
            using var span = WorkbenchTelemetry.Source.StartActivity(WorkbenchTelemetry.Spans.IndexBatch);
            span?.SetTag(WorkbenchTelemetry.Attributes.GenAiDataSource, target.Collection);
            var deidentified = batch.Select(d => DocumentDeidentifier.Deidentify(d, allowed)).ToList();
            foreach (var found in deidentified.Select(d => d.Redactions).Where(r => r.Total > 0))
            {
                // Kinds and counts only: neither the values nor the document (named after an uploaded file) reach the log;
                // which document it was is on the admin page and in /api/health.
                logger.LogInformation("De-identified a document: {Redactions}", found.ToString());
                redactions.Add(found);
            }

            var chunked = deidentified.Select(d => (d.Document, Passages: chunker.Chunk(d.Document))).ToList();
            var all = chunked.SelectMany(c => c.Passages).ToList();
            var stored = await target.GetContentHashesAsync(all, cancellationToken);
            var changed = all.Where(p => !stored.TryGetValue(p.Id, out var hash) || hash != StoredPassages.IndexHash(p)).ToList();
            // Within the target itself only a passage stored with the same content (an older sparse encoding) has a vector to keep,
            // and the hashes just read say which: the others need no second look.
            var reusable = reuseFrom is not null
                ? await reuseFrom.GetReusableVectorsAsync(changed, cancellationToken)
                : await target.GetReusableVectorsAsync(changed.Where(p => stored.TryGetValue(p.Id, out var hash) && StoredPassages.SameContent(hash, p)).ToList(), cancellationToken);
            var toEmbed = changed.Where(p => !reusable.ContainsKey(p.Id)).ToList();
            var vectors = toEmbed.Count == 0
                ? []
                : await embedder.GenerateAsync(toEmbed.Select(p => p.EmbeddingText), cancellationToken: cancellationToken);
            var items = toEmbed.Zip(vectors, (p, v) => (p, v.Vector))
                .Concat(changed.Where(p => reusable.ContainsKey(p.Id)).Select(p => (p, reusable[p.Id])))
                .ToList();

            await pendingWrite;
            pendingWrite = WriteAsync(target, items, chunked.Select(c => (c.Document.Id, c.Passages.Count)).ToList(), cancellationToken);

            documents += batch.Length;
            passages += all.Count;
            embedded += toEmbed.Count;
            span?.SetTag(WorkbenchTelemetry.Attributes.Documents, batch.Length);
            span?.SetTag(WorkbenchTelemetry.Attributes.Passages, all.Count);
            span?.SetTag(WorkbenchTelemetry.Attributes.Embedded, toEmbed.Count);
            WorkbenchTelemetry.PassagesEmbedded.Add(toEmbed.Count);
            progress?.Report(new IndexingProgress(documents, read.Documents.Count, passages));
        }

        await pendingWrite;
        var report = new IndexingReport(documents, passages, embedded, passages - embedded, read.Problems, redactions, stopwatch.Elapsed);
        logger.LogInformation(
            "Indexed {Source}: {Documents} documents, {Passages} passages ({Embedded} embedded, {Unchanged} unchanged), {Problems} skipped, in {Seconds:F1} s",
            source.Name, report.Documents, report.Passages, report.Embedded, report.Unchanged, report.Problems.Count, report.Elapsed.TotalSeconds);
        return report;
    }
}
