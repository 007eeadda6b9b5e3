using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using Workbench.Core.Deidentification;
using Workbench.Core.Domain;
using Workbench.Core.Ingestion.Datasets;

namespace Workbench.Core.Ingestion.Uploads;

public enum UploadOutcome
{
    Accepted,
    Skipped,
    Rejected,
}

/// <summary>What became of one uploaded file: its documents and what was de-identified in them, or why it was refused.</summary>
public sealed record UploadResult(string FileName, UploadOutcome Outcome, string Message, int Documents, IReadOnlyList<DocumentRedactions> Redactions)
{
    public static UploadResult Reject(string fileName, string reason) => new(fileName, UploadOutcome.Rejected, reason, 0, []);
}

/// <summary>An uploaded document's redactions in context, as kept beside it; no contexts when it was stored before they were kept.</summary>
public sealed record UploadedRedactions(string DocumentId, IReadOnlyList<RedactionContext>? Contexts);

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
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Titles and section headings longer than this are cut: they are repeated in every passage.</summary>
    internal const int MaxTitleCharacters = 200;

    /// <summary>Lines of uploaded Markdown or text longer than this are refused.</summary>
    internal const int MaxLineCharacters = 100_000;

    private const int MaxIdCharacters = 120;

    private readonly SemaphoreSlim writing = new(1, 1);

    public string Directory => DataRoot.Resolve(admin.Value.UploadDirectory);

    /// <summary>Everything a reindex reads: the bundled corpus and the uploads.</summary>
    public IDocumentSource Source => System.IO.Directory.Exists(Directory)
        ? new CombinedSource([new MarkdownCorpusSource(corpus.Value.Directory), new MarkdownCorpusSource(Directory)])
        : new MarkdownCorpusSource(corpus.Value.Directory);

    public async Task<UploadResult> AddAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        if (NameProblem(fileName) is { } nameProblem)
        {
            return UploadResult.Reject(Printable(fileName), nameProblem);
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
            documents = Read(fileName, bytes, deadline.Token);
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
        return Slug(id) == id && string.Equals(Path.GetDirectoryName(path), folder, StringComparison.Ordinal)
            ? path
            : throw new InvalidOperationException("A document id would have been stored outside the upload folder.");
    }

    /// <summary>
    /// An uploaded file's documents, bounded: ids reduced to slugs (unique, none the bundled corpus's once
    /// compared), titles and headings cut to <see cref="MaxTitleCharacters"/>, all text within
    /// <see cref="AdminOptions.MaxExtractedCharacters"/> whatever the format.
    /// </summary>
    internal List<SourceDocument> Read(string fileName, byte[] bytes, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var documents = new List<SourceDocument>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long characters = 0;
        foreach (var document in Convert(DocumentId(fileName), extension, bytes, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var id = Slug(document.Id);
            if (id.Length == 0 || !ids.Add(id))
            {
                throw new FormatException(id.Length == 0
                    ? $"a document's id ('{Shorten(document.Id)}') has no letters or digits"
                    : $"two documents would both be stored as '{id}' (their ids differ only in case or punctuation)");
            }

            var sections = document.Sections.Select(s => s with { Heading = Shorten(s.Heading) }).ToList();
            var metadata = document.Metadata with { Title = Shorten(document.Metadata.Title) };
            characters += metadata.Title.Length + sections.Sum(s => (long)s.Heading.Length + s.Text.Length);
            if (characters > admin.Value.MaxExtractedCharacters)
            {
                throw new FormatException($"more than {admin.Value.MaxExtractedCharacters:N0} characters of text (Admin__MaxExtractedCharacters); split the document");
            }

            documents.Add(new SourceDocument(id, metadata, sections));
        }

        return documents;
    }

    private IEnumerable<SourceDocument> Convert(string id, string extension, byte[] bytes, CancellationToken cancellationToken)
    {
        switch (extension)
        {
            case ".md" or ".markdown":
                return [MarkdownDocumentParser.Parse(id, Text(bytes), cancellationToken)];
            case ".txt":
                var text = Text(bytes);
                var title = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? id;
                return [Uploaded(id, title, MarkdownDocumentParser.ParseSections(text, title, cancellationToken))];
            case ".pdf":
                return [Pdf(id, bytes, cancellationToken)];
            default:
                return Dataset(extension, bytes);
        }
    }

    private SourceDocument Pdf(string id, byte[] bytes, CancellationToken cancellationToken)
    {
        if (!bytes.AsSpan().StartsWith("%PDF-"u8))
        {
            throw new FormatException("not a PDF (it does not start with %PDF-)");
        }

        var budget = new PdfDecodingBudget(admin.Value.MaxPdfDecodedBytes, cancellationToken);
        try
        {
            budget.CountUncompressedContent(bytes);
            using var pdf = PdfDocument.Open(bytes, new ParsingOptions { FilterProvider = budget });
            if (pdf.NumberOfPages > admin.Value.MaxPdfPages)
            {
                throw new FormatException($"{pdf.NumberOfPages:N0} pages; the limit is {admin.Value.MaxPdfPages:N0}");
            }

            var sections = new List<DocumentSection>();
            var characters = 0;
            for (var number = 1; number <= pdf.NumberOfPages; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                budget.StartPage(number);
                var page = pdf.GetPage(number);
                budget.ThrowIfRefused();
                var text = ContentOrderTextExtractor.GetText(page).Trim();
                characters += text.Length;
                if (characters > admin.Value.MaxExtractedCharacters)
                {
                    throw new FormatException($"more than {admin.Value.MaxExtractedCharacters:N0} characters of text (Admin__MaxExtractedCharacters); split the document");
                }

                if (text.Length > 0)
                {
                    sections.Add(new DocumentSection($"Page {number}", string.Join(' ', text.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))));
                }
            }

            if (sections.Count == 0)
            {
                throw new FormatException("the PDF has no text layer (a scanned PDF needs OCR first)");
            }

            var title = pdf.Information.Title is { Length: > 0 } t ? t.Trim() : id;
            return Uploaded(id, title, sections);
        }
        catch (Exception ex) when (ex is not FormatException and not OutOfMemoryException and not OperationCanceledException)
        {
            // A limit the budget hit inside PdfPig may come back wrapped or swallowed; its reason is the better answer.
            budget.ThrowIfRefused();
            throw new FormatException($"unreadable PDF ({ex.GetType().Name})", ex);
        }
    }

    /// <summary>The data set readers work on folders: the file is laid out as its data set would be, in a temporary folder.</summary>
    private static List<SourceDocument> Dataset(string extension, byte[] bytes)
    {
        var folder = Path.Combine(Path.GetTempPath(), "workbench-upload-" + Guid.NewGuid().ToString("N"));
        try
        {
            IDocumentSource source;
            if (extension == ".json")
            {
                System.IO.Directory.CreateDirectory(folder);
                File.WriteAllBytes(Path.Combine(folder, PubMedQaSource.FileName), bytes);
                source = new PubMedQaSource(folder);
            }
            else
            {
                System.IO.Directory.CreateDirectory(Path.Combine(folder, "Upload_QA"));
                File.WriteAllBytes(Path.Combine(folder, "Upload_QA", "upload.xml"), bytes);
                source = new MedQuadSource(folder);
            }

            SourceReadResult read;
            try
            {
                read = source.Read();
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or System.Xml.XmlException or InvalidDataException)
            {
                throw new FormatException($"not a {(extension == ".json" ? "PubMedQA JSON" : "MedQuAD XML")} file: {ex.Message}", ex);
            }

            return read.Documents.Count > 0
                ? read.Documents.ToList()
                : throw new FormatException($"no documents found{(read.Problems.Count > 0 ? ": " + read.Problems[0].Message : "")}; JSON must be PubMedQA's ori_pqal.json layout, XML a MedQuAD document");
        }
        finally
        {
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static SourceDocument Uploaded(string id, string title, IReadOnlyList<DocumentSection> sections) =>
        sections.Count == 0
            ? throw new FormatException("the file has no text")
            : new SourceDocument(id, new DocumentMetadata(title, "Uploaded document", null, DocumentType.Guideline, "general", null), sections);

    private static string Text(byte[] bytes)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException("not UTF-8 text (is it a binary file with a text extension?)");
        }

        if (text.Contains('\0'))
        {
            throw new FormatException("not text: it contains NUL bytes");
        }

        // A line this long is no prose: stored, it would be repeated with every passage cut from it.
        var line = 1;
        for (var start = 0; start < text.Length; line++)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            if (end - start > MaxLineCharacters)
            {
                throw new FormatException($"line {line:N0} is longer than {MaxLineCharacters:N0} characters; break it into paragraphs");
            }

            start = end + 1;
        }

        return text.TrimStart('\uFEFF');
    }

    /// <summary>Why a file name cannot be used, or null. The stored file's name is derived, never taken as a path.</summary>
    public static string? NameProblem(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > 200)
        {
            return "the file name is empty or longer than 200 characters";
        }

        if (fileName.Contains('/') || fileName.Contains('\\') || fileName.Contains("..", StringComparison.Ordinal) || fileName.Any(char.IsControl) || fileName.Contains(':'))
        {
            return "the file name contains a path, '..', ':' or control characters";
        }

        return DocumentId(fileName).Length == 0 ? "the file name has no letters or digits" : null;
    }

    /// <summary>A document id from a file name: its name without the extension, as a <see cref="Slug"/>.</summary>
    public static string DocumentId(string fileName) => Slug(Path.GetFileNameWithoutExtension(fileName));

    /// <summary>
    /// The only way any text becomes a stored file's name: lower-case ASCII letters and digits, every other run
    /// of characters one dash, at most <see cref="MaxIdCharacters"/> long (a longer one keeps a hash of the
    /// whole, so two long ids stay apart). No dot, slash or separator survives, so a slug is never a path.
    /// </summary>
    public static string Slug(string value)
    {
        var slug = new StringBuilder();
        foreach (var c in value.ToLowerInvariant())
        {
            var keep = char.IsAsciiLetterOrDigit(c);
            if (keep || (slug.Length > 0 && slug[^1] != '-'))
            {
                slug.Append(keep ? c : '-');
            }
        }

        var id = slug.ToString().TrimEnd('-');
        return id.Length <= MaxIdCharacters
            ? id
            : id[..(MaxIdCharacters - 17)].TrimEnd('-') + "-" + System.Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..16];
    }

    /// <summary>A title or heading on one line, cut at a word to <see cref="MaxTitleCharacters"/>: every passage carries its document's title and section heading.</summary>
    private static string Shorten(string value)
    {
        var line = string.Join(' ', value.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (line.Length <= MaxTitleCharacters)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', MaxTitleCharacters - 1);
        return line[..(cut > MaxTitleCharacters / 2 ? cut : MaxTitleCharacters - 1)].TrimEnd() + "…";
    }

    private static string Printable(string? fileName) =>
        string.IsNullOrEmpty(fileName) ? "(no name)" : new string(fileName.Select(c => char.IsControl(c) ? '?' : c).Take(200).ToArray());

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

/// <summary>Several sources read as one: the bundled corpus and the uploads.</summary>
public sealed class CombinedSource(IReadOnlyList<IDocumentSource> sources) : IDocumentSource
{
    public string Name => string.Join(" + ", sources.Select(s => s.Name));

    public SourceReadResult Read()
    {
        var reads = sources.Select(s => s.Read()).ToList();
        return new SourceReadResult(reads.SelectMany(r => r.Documents).ToList(), reads.SelectMany(r => r.Problems).ToList());
    }
}
