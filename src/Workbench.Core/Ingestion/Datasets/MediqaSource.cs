using System.Xml;
using System.Xml.Linq;

namespace Workbench.Core.Ingestion.Datasets;

/// <summary>
/// A consumer question of MEDIQA 2019 Task 3 with the expert grade (<c>ReferenceScore</c>: 4 excellent,
/// 3 correct but incomplete, 2 related, 1 incorrect) of each candidate answer, by document id, and the
/// text of its best-graded answer (the reference an answer can be compared with).
/// </summary>
public sealed record MediqaQuestion(string Id, string Question, IReadOnlyDictionary<string, int> Grades, string BestAnswer);

/// <summary>
/// One MEDIQA 2019 Task 3 file (<c>MEDIQA2019-Task3-QA-*.xml</c>): every candidate answer is a document,
/// once however many questions it was a candidate for, titled from its URL's page or else its first
/// sentence. Every question is asked of the whole corpus.
/// </summary>
public sealed class MediqaSource(string file) : IDocumentSource
{
    /// <summary>The two files are about 1 MB and 3 MB; anything far larger is not one of them.</summary>
    private const long MaxCharacters = 64L * 1024 * 1024;

    private const int MaxTitleLength = 100;

    public string Name => $"MEDIQA {file}";

    public static bool Recognises(string path) =>
        File.Exists(path) && Path.GetFileName(path).StartsWith("MEDIQA2019-Task3-QA", StringComparison.OrdinalIgnoreCase)
        && path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    public SourceReadResult Read()
    {
        var documents = new Dictionary<string, SourceDocument>();
        foreach (var answer in ReadAnswers().Select(a => a.Answer))
        {
            if (!documents.ContainsKey(answer.DocumentId))
            {
                var title = Title(answer.Url, answer.Text);
                var sections = MarkdownDocumentParser.ParseSections(answer.Text, title);
                if (sections.Count > 0)
                {
                    documents[answer.DocumentId] = new SourceDocument(answer.DocumentId,
                        new DocumentMetadata(title, Organisation(answer.Url), null, DocumentType.Guideline, "consumer health", answer.Url), sections);
                }
            }
        }

        return new SourceReadResult(documents.Values.ToList(), []);
    }

    /// <summary>The questions with at least one answer graded 3 or 4, in file order.</summary>
    public IReadOnlyList<MediqaQuestion> ReadQuestions() =>
        ReadAnswers()
            .GroupBy(a => (a.QuestionId, a.Question))
            .Select(g =>
            {
                var grades = new Dictionary<string, int>();
                foreach (var (_, _, answer) in g)
                {
                    grades[answer.DocumentId] = Math.Max(grades.GetValueOrDefault(answer.DocumentId), answer.Grade);
                }

                var best = g.Select(a => a.Answer).MaxBy(a => a.Grade)!;
                return new MediqaQuestion(g.Key.QuestionId, g.Key.Question, grades, best.Text);
            })
            .Where(q => q.Grades.Values.Any(grade => grade >= 3))
            .ToList();

    /// <summary>An answer's document id: from its text, so the same answer under two questions is one document.</summary>
    public static string DocumentId(string answerText) => "mediqa-" + Hashing.Sha256Hex(Normalise(answerText))[..16];

    private sealed record Answer(string DocumentId, string Text, string? Url, int Grade);

    private IEnumerable<(string QuestionId, string Question, Answer Answer)> ReadAnswers()
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxCharacters };
        XElement root;
        using (var reader = XmlReader.Create(file, settings))
        {
            root = XDocument.Load(reader).Root ?? throw new FormatException($"{Path.GetFileName(file)} is empty");
        }

        foreach (var question in root.Elements("Question"))
        {
            var id = (string?)question.Attribute("QID") ?? string.Empty;
            var text = Normalise(question.Element("QuestionText")?.Value ?? string.Empty);
            if (text.Length == 0)
            {
                continue;
            }

            foreach (var answer in question.Descendants("Answer"))
            {
                var answerText = Normalise(answer.Element("AnswerText")?.Value ?? string.Empty);
                if (answerText.Length > 0 && int.TryParse((string?)answer.Attribute("ReferenceScore"), out var grade))
                {
                    var url = answer.Element("AnswerURL")?.Value.Trim();
                    yield return (id, text, new Answer(DocumentId(answerText), answerText, string.IsNullOrEmpty(url) ? null : url, grade));
                }
            }
        }
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The page's name from its URL's last readable path segment, else the answer's first sentence.</summary>
    private static string Title(string? url, string text)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var page = uri.Segments.Select(s => Uri.UnescapeDataString(s.Trim('/')))
                .Select(s => Path.GetFileNameWithoutExtension(s).Replace('-', ' ').Replace('_', ' ').Trim())
                .LastOrDefault(s => s.Count(char.IsLetter) >= 4 && !s.Any(char.IsDigit));
            if (page is not null)
            {
                return Shorten(page);
            }
        }

        var end = text.IndexOfAny(['.', ':', '?', '!']);
        return Shorten(end > 0 ? text[..end] : text);
    }

    private static string Shorten(string text) => text.Length <= MaxTitleLength ? text : text[..MaxTitleLength].TrimEnd() + "…";

    private static string Organisation(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host.Replace("www.", string.Empty, StringComparison.OrdinalIgnoreCase) : "MEDIQA";
}
