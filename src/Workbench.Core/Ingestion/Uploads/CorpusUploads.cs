using System.Text;
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

/// <summary>
/// Documents admins upload: checked (name, type, size, readable content), converted to corpus documents
/// (Markdown, text, PDF text layer, PubMedQA JSON, MedQuAD XML), de-identified, and stored as Markdown
/// beside the bundled corpus. The original bytes are never written anywhere: only de-identified text is.
/// A reindex picks them up.
/// </summary>
public sealed class CorpusUploads(IOptions<AdminOptions> admin, IOptions<CorpusOptions> corpus, ILogger<CorpusUploads> logger)
{
    private static readonly string[] Archives = [".zip", ".gz", ".tgz", ".tar", ".7z", ".rar", ".bz2", ".xz"];
    private static readonly string[] Supported = [".md", ".markdown", ".txt", ".pdf", ".json", ".xml"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly SemaphoreSlim writing = new(1, 1);

    public string Directory => Path.GetFullPath(admin.Value.UploadDirectory);

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

        List<SourceDocument> documents;
        try
        {
            documents = Convert(fileName, extension, bytes);
        }
        catch (FormatException ex)
        {
            return UploadResult.Reject(fileName, ex.Message);
        }

        var bundled = new MarkdownCorpusSource(corpus.Value.Directory).Read().Documents.Select(d => d.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (documents.FirstOrDefault(d => bundled.Contains(d.Id)) is { } clash)
        {
            return UploadResult.Reject(fileName, $"the bundled corpus already has a document '{clash.Id}'; rename the file");
        }

        return await StoreAsync(fileName, documents, cancellationToken);
    }

    /// <summary>The uploaded documents' ids, for the admin page.</summary>
    public IReadOnlyList<string> List() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory, "*.md").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    private async Task<UploadResult> StoreAsync(string fileName, List<SourceDocument> documents, CancellationToken cancellationToken)
    {
        var deidentified = documents.Select(DocumentDeidentifier.Deidentify).ToList();
        var redactions = deidentified.Select(d => d.Redactions).Where(r => r.Total > 0).ToList();
        await writing.WaitAsync(cancellationToken);
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var written = 0;
            foreach (var (document, _) in deidentified)
            {
                var path = Path.Combine(Directory, document.Id + ".md");
                var markdown = MarkdownDocumentWriter.Write(document);
                if (File.Exists(path) && await File.ReadAllTextAsync(path, cancellationToken) == markdown)
                {
                    continue;
                }

                // Written beside, then moved: a reader never sees half a file.
                var temporary = path + ".tmp";
                await File.WriteAllTextAsync(temporary, markdown, cancellationToken);
                File.Move(temporary, path, overwrite: true);
                written++;
            }

            foreach (var found in redactions)
            {
                // Not the file's name: an uploaded file may be named after a patient. The audit trail has it.
                logger.LogInformation("An upload was de-identified: {Redactions}", found.ToString());
            }

            return written == 0
                ? new UploadResult(fileName, UploadOutcome.Skipped, "unchanged: the same content is already uploaded", documents.Count, redactions)
                : new UploadResult(fileName, UploadOutcome.Accepted,
                    $"{documents.Count} document{(documents.Count == 1 ? "" : "s")}, {written} new or changed; reindex to make {(written == 1 ? "it" : "them")} searchable",
                    documents.Count, redactions);
        }
        finally
        {
            writing.Release();
        }
    }

    private List<SourceDocument> Convert(string fileName, string extension, byte[] bytes)
    {
        var id = DocumentId(fileName);
        switch (extension)
        {
            case ".md" or ".markdown":
                return [MarkdownDocumentParser.Parse(id, Text(bytes))];
            case ".txt":
                var text = Text(bytes);
                var title = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? id;
                return [Uploaded(id, title.Length > 200 ? title[..200] : title, MarkdownDocumentParser.ParseSections(text, title))];
            case ".pdf":
                return [Pdf(id, bytes)];
            default:
                return Dataset(extension, bytes);
        }
    }

    private SourceDocument Pdf(string id, byte[] bytes)
    {
        if (!bytes.AsSpan().StartsWith("%PDF-"u8))
        {
            throw new FormatException("not a PDF (it does not start with %PDF-)");
        }

        try
        {
            using var pdf = PdfDocument.Open(bytes);
            if (pdf.NumberOfPages > admin.Value.MaxPdfPages)
            {
                throw new FormatException($"{pdf.NumberOfPages:N0} pages; the limit is {admin.Value.MaxPdfPages:N0}");
            }

            var sections = new List<DocumentSection>();
            var characters = 0;
            foreach (var page in pdf.GetPages())
            {
                var text = ContentOrderTextExtractor.GetText(page).Trim();
                characters += text.Length;
                if (characters > admin.Value.MaxExtractedCharacters)
                {
                    throw new FormatException($"more than {admin.Value.MaxExtractedCharacters:N0} characters of text; split the document");
                }

                if (text.Length > 0)
                {
                    sections.Add(new DocumentSection($"Page {page.Number}", string.Join(' ', text.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))));
                }
            }

            if (sections.Count == 0)
            {
                throw new FormatException("the PDF has no text layer (a scanned PDF needs OCR first)");
            }

            var title = pdf.Information.Title is { Length: > 0 } t ? t.Trim() : id;
            return Uploaded(id, title, sections);
        }
        catch (Exception ex) when (ex is not FormatException and not OutOfMemoryException)
        {
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

        return text.Contains('\0') ? throw new FormatException("not text: it contains NUL bytes") : text.TrimStart('\uFEFF');
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

    /// <summary>A document id from a file name: lower-case letters, digits and dashes.</summary>
    public static string DocumentId(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant();
        var id = new StringBuilder();
        foreach (var c in stem)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return string.Join('-', id.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
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
