using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using Workbench.Core.Ingestion.Datasets;

namespace Workbench.Core.Ingestion.Uploads;

/// <summary>
/// An uploaded file converted to corpus documents (Markdown, text, PDF text layer, PubMedQA JSON, MedQuAD XML)
/// within the admin limits: pages, decoded PDF bytes, extracted characters, line and title lengths.
/// A file it cannot read whole within them is refused with a <see cref="FormatException"/> saying why.
/// </summary>
internal sealed class UploadedFileReader(AdminOptions limits)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Titles and section headings longer than this are cut: they are repeated in every passage.</summary>
    internal const int MaxTitleCharacters = 200;

    /// <summary>Lines of uploaded Markdown or text longer than this are refused.</summary>
    internal const int MaxLineCharacters = 100_000;

    /// <summary>
    /// An uploaded file's documents, bounded: ids reduced to slugs (unique, none the bundled corpus's once
    /// compared), titles and headings cut to <see cref="MaxTitleCharacters"/>, all text within
    /// <see cref="AdminOptions.MaxExtractedCharacters"/> whatever the format.
    /// </summary>
    public List<SourceDocument> Read(string fileName, byte[] bytes, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var documents = new List<SourceDocument>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long characters = 0;
        foreach (var document in Convert(UploadNames.DocumentId(fileName), extension, bytes, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var id = UploadNames.Slug(document.Id);
            if (id.Length == 0 || !ids.Add(id))
            {
                throw new FormatException(id.Length == 0
                    ? $"a document's id ('{Shorten(document.Id)}') has no letters or digits"
                    : $"two documents would both be stored as '{id}' (their ids differ only in case or punctuation)");
            }

            var sections = document.Sections.Select(s => s with { Heading = Shorten(s.Heading) }).ToList();
            var metadata = document.Metadata with { Title = Shorten(document.Metadata.Title) };
            characters += metadata.Title.Length + sections.Sum(s => (long)s.Heading.Length + s.Text.Length);
            if (characters > limits.MaxExtractedCharacters)
            {
                throw new FormatException($"more than {limits.MaxExtractedCharacters:N0} characters of text (Admin__MaxExtractedCharacters); split the document");
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

        var budget = new PdfDecodingBudget(limits.MaxPdfDecodedBytes, cancellationToken);
        try
        {
            budget.CountUncompressedContent(bytes);
            using var pdf = PdfDocument.Open(bytes, new ParsingOptions { FilterProvider = budget });
            if (pdf.NumberOfPages > limits.MaxPdfPages)
            {
                throw new FormatException($"{pdf.NumberOfPages:N0} pages; the limit is {limits.MaxPdfPages:N0}");
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
                if (characters > limits.MaxExtractedCharacters)
                {
                    throw new FormatException($"more than {limits.MaxExtractedCharacters:N0} characters of text (Admin__MaxExtractedCharacters); split the document");
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
}
