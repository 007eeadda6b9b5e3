using System.Text.Json;
using System.Text.Json.Serialization;
using Workbench.Core.Deidentification;

namespace Workbench.Core.Ingestion.Uploads;

/// <summary>
/// Documents admins upload: checked (name, type, size, readable content), converted to corpus documents
/// (Markdown, text, PDF text layer, PubMedQA JSON, MedQuAD XML), de-identified (sparing the allow list's terms),
/// and stored as Markdown beside the bundled corpus, each with its redactions in context for the admin page.
/// The original bytes are never written anywhere: only de-identified text is. A reindex picks them up.
/// </summary>
public sealed class CorpusUploads(
    IOptions<AdminOptions> admin,
    IOptions<CorpusOptions> corpus,
    IOptions<DeidentificationOptions> deidentification,
    ILogger<CorpusUploads> logger)
{
    /// <summary>Characters of de-identified text kept either side of a placeholder: enough to judge a redaction, never its value.</summary>
    public const int ContextCharacters = 40;

    private const string RedactionsSuffix = ".redactions.json";

    private static readonly JsonSerializerOptions ContextJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    private static readonly string[] Archives = [".zip", ".gz", ".tgz", ".tar", ".7z", ".rar", ".bz2", ".xz"];
    private static readonly string[] Supported = [".md", ".markdown", ".txt", ".pdf", ".json", ".xml"];

    private readonly SemaphoreSlim writing = new(1, 1);

    public string Directory => DataRoot.Resolve(admin.Value.UploadDirectory);

    /// <summary>Everything a reindex reads: the bundled corpus and the uploads.</summary>
    public IDocumentSource Source => System.IO.Directory.Exists(Directory)
        ? new CombinedSource([new MarkdownCorpusSource(corpus.Value.Directory), new MarkdownCorpusSource(Directory)])
        : new MarkdownCorpusSource(corpus.Value.Directory);

    public async Task<UploadResult> AddAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        if (UploadNames.NameProblem(fileName) is { } nameProblem)
        {
            return UploadResult.Reject(UploadNames.Printable(fileName), nameProblem);
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (Archives.Contains(extension))
        {
            return UploadResult.Reject(fileName, "archives are not accepted (they can hide very large contents); upload the documents themselves");
        }

        if (!Supported.Contains(extension))
        {
            return UploadResult.Reject(fileName, $"unsupported type '{extension}': upload Markdown with front matter, plain text, PDF, PubMedQA JSON or MedQuAD XML");
        }

        var bytes = await ReadLimitedAsync(content, admin.Value.MaxUploadBytes, cancellationToken);
        if (bytes is null)
        {
            return UploadResult.Reject(fileName, $"larger than the {admin.Value.MaxUploadBytes / 1024.0 / 1024.0:0.#} MB limit");
        }

        if (bytes.Length == 0)
        {
            return UploadResult.Reject(fileName, "the file is empty");
        }

        // Reading and de-identifying stop at the deadline, so no file can hold the server however it is built.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(admin.Value.MaxProcessingSeconds));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        List<SourceDocument> documents;
        List<DeidentifiedDocument> deidentified;
        try
        {
            documents = new UploadedFileReader(admin.Value).Read(fileName, bytes, deadline.Token);
            var allowed = deidentification.Value.ReadAllowList();
            deidentified = documents.Select(d =>
            {
                deadline.Token.ThrowIfCancellationRequested();
                return DocumentDeidentifier.Deidentify(d, allowed);
            }).ToList();
        }
        catch (FormatException ex)
        {
            return UploadResult.Reject(fileName, ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return UploadResult.Reject(fileName, $"reading it took longer than {admin.Value.MaxProcessingSeconds} s (Admin__MaxProcessingSeconds); split the document");
        }

        var bundled = new MarkdownCorpusSource(corpus.Value.Directory).Read().Documents.Select(d => d.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (documents.FirstOrDefault(d => bundled.Contains(d.Id)) is { } clash)
        {
            return UploadResult.Reject(fileName, $"the bundled corpus already has a document '{clash.Id}'; rename the file");
        }

        return await StoreAsync(fileName, deidentified, cancellationToken);
    }

    /// <summary>The uploaded documents' ids, for the admin page.</summary>
    public IReadOnlyList<string> List() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory, "*.md").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>
    /// Every uploaded document with its redactions in context, for the admin page: the kind and the de-identified
    /// words around each placeholder, never the value removed (it was never stored).
    /// </summary>
    public IReadOnlyList<UploadedRedactions> Redactions() =>
        List().Select(id => new UploadedRedactions(id, ReadContexts(Path.Combine(Directory, id + RedactionsSuffix)))).ToList();

    private static IReadOnlyList<RedactionContext>? ReadContexts(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<List<RedactionContext>>(File.ReadAllText(path), ContextJson) : null;
        }
        catch (JsonException)
        {
            // A damaged file loses the view of this document's redactions, not the page.
            return null;
        }
    }

    private async Task<UploadResult> StoreAsync(string fileName, List<DeidentifiedDocument> deidentified, CancellationToken cancellationToken)
    {
        var redactions = deidentified.Select(d => d.Redactions).Where(r => r.Total > 0).ToList();
        await writing.WaitAsync(cancellationToken);
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var written = 0;
            foreach (var document in deidentified)
            {
                var path = StoredPath(document.Document.Id);
                var markdown = MarkdownDocumentWriter.Write(document.Document);
                var contexts = Path.ChangeExtension(path, null) + RedactionsSuffix;
                if (File.Exists(path) && File.Exists(contexts) && await File.ReadAllTextAsync(path, cancellationToken) == markdown)
                {
                    continue;
                }

                // The contexts first: a document is never listed with another version's redactions.
                await WriteAtomicallyAsync(contexts, JsonSerializer.Serialize(document.Contexts(ContextCharacters), ContextJson), cancellationToken);
                await WriteAtomicallyAsync(path, markdown, cancellationToken);
                written++;
            }

            foreach (var found in redactions)
            {
                // Not the file's name: an uploaded file may be named after a patient. The audit trail has it.
                logger.LogInformation("An upload was de-identified: {Redactions}", found.ToString());
            }

            var documents = deidentified.Count;
            return written == 0
                ? new UploadResult(fileName, UploadOutcome.Skipped, "unchanged: the same content is already uploaded", documents, redactions)
                : new UploadResult(fileName, UploadOutcome.Accepted,
                    $"{documents} document{(documents == 1 ? "" : "s")}, {written} new or changed; reindex to make {(written == 1 ? "it" : "them")} searchable",
                    documents, redactions);
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>Written beside, then moved: a reader never sees half a file.</summary>
    private static async Task WriteAtomicallyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, content, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// The file a document is stored in. Its id is already a slug; the full path is still proven to be a
    /// file directly inside the upload folder, so no id from a file's content can ever write elsewhere.
    /// </summary>
    private string StoredPath(string id)
    {
        var folder = Path.TrimEndingDirectorySeparator(Directory);
        var path = Path.GetFullPath(Path.Combine(folder, id + ".md"));
        return UploadNames.Slug(id) == id && string.Equals(Path.GetDirectoryName(path), folder, StringComparison.Ordinal)
            ? path
            : throw new InvalidOperationException("A document id would have been stored outside the upload folder.");
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
