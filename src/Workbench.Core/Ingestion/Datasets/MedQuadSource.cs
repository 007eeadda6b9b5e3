using System.Xml;
using System.Xml.Linq;

namespace Workbench.Core.Ingestion.Datasets;

/// <summary>
/// MedQuAD's XML collections (GARD, GHR): one document per answered question pair, titled
/// "focus: question type". The question itself is not indexed, only its answer. Collections sit in folders
/// named <c>*_QA</c> (GARD, GHR) or <c>*_QA_XML</c> (the other NIH collections).
/// </summary>
public sealed class MedQuadSource(string directory) : IDocumentSource
{
    /// <summary>No document type declarations, hence no entities to expand: uploaded XML cannot grow while it is read.</summary>
    /// <summary>MedQuAD nests four levels deep.</summary>
    private const int MaxDepth = 32;

    private static readonly XmlReaderSettings Reading = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    public string Name => $"MedQuAD {directory}";

    public static bool Recognises(string directory) => Directory.Exists(directory) && Collections(directory).Any();

    private static IEnumerable<string> Collections(string directory) =>
        Directory.EnumerateDirectories(directory, "*_QA").Concat(Directory.EnumerateDirectories(directory, "*_QA_XML"));

    public SourceReadResult Read()
    {
        var documents = new List<SourceDocument>();
        var problems = new List<IngestionProblem>();
        foreach (var pair in ReadPairs(problems))
        {
            var sections = MarkdownDocumentParser.ParseSections(pair.Answer, pair.Metadata.Title);
            if (sections.Count > 0)
            {
                documents.Add(new SourceDocument(pair.DocumentId, pair.Metadata, sections));
            }
        }

        return new SourceReadResult(documents, problems);
    }

    /// <summary>
    /// The file as a tree, once a first pass has found it no deeper than <see cref="MaxDepth"/>: reading an
    /// element's text recurses per level, so a deeply nested upload would overflow the stack.
    /// </summary>
    private static XDocument Load(string file)
    {
        using (var check = XmlReader.Create(file, Reading))
        {
            while (check.Read())
            {
                if (check.Depth > MaxDepth)
                {
                    throw new XmlException($"elements are nested deeper than {MaxDepth} levels");
                }
            }
        }

        using var reader = XmlReader.Create(file, Reading);
        return XDocument.Load(reader);
    }

    /// <summary>The questions with the id of the document holding their answer, and that answer (the reference).</summary>
    public IReadOnlyList<(string DocumentId, string Question, string Answer)> ReadQuestions() =>
        ReadPairs([]).Where(p => p.Answer.Length > 0).Select(p => (p.DocumentId, p.Question, p.Answer)).ToList();

    private sealed record Pair(string DocumentId, string Question, string Answer, DocumentMetadata Metadata);

    private IEnumerable<Pair> ReadPairs(List<IngestionProblem> problems)
    {
        var files = Collections(directory)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.xml"))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            XElement root;
            try
            {
                root = Load(file).Root ?? throw new XmlException("empty document");
            }
            catch (XmlException ex)
            {
                problems.Add(new IngestionProblem(Path.GetFileName(file), $"malformed XML: {ex.Message}"));
                continue;
            }

            var source = (string?)root.Attribute("source") ?? "MedQuAD";
            var focus = root.Element("Focus")?.Value.Trim() ?? Path.GetFileNameWithoutExtension(file);
            var url = (string?)root.Attribute("url");
            var docId = (string?)root.Attribute("id") ?? Path.GetFileNameWithoutExtension(file);
            foreach (var qa in root.Descendants("QAPair"))
            {
                var question = qa.Element("Question");
                var answer = qa.Element("Answer")?.Value.Trim() ?? string.Empty;
                var qtype = (string?)question?.Attribute("qtype") ?? "information";
                var pid = (string?)qa.Attribute("pid") ?? "0";
                var metadata = new DocumentMetadata($"{focus}: {qtype}", source, null, DocumentType.Guideline, "genetics", url);
                yield return new Pair($"{source.ToLowerInvariant()}-{docId}-{pid}", question?.Value.Trim() ?? string.Empty, answer, metadata);
            }
        }
    }
}
