using System.Text.Json;
using Workbench.Core.Ingestion;
using Workbench.Core.Ingestion.Datasets;

namespace Workbench.Core.Evaluation;

/// <summary>
/// A question and what answers it: relevant document ids (any passage of them counts) or, more
/// strictly, relevant passage ids (<c>document-id#chunk</c>).
/// </summary>
public sealed record EvaluationQuestion(string Question, IReadOnlySet<string> RelevantDocuments, IReadOnlySet<string> RelevantPassages)
{
    public bool ByPassage => RelevantPassages.Count > 0;
}

/// <summary>A corpus to index and the questions to ask of it.</summary>
public sealed record EvaluationDataset(string Name, IDocumentSource Corpus, IReadOnlyList<EvaluationQuestion> Questions)
{
    public const string QuestionsFile = "questions.jsonl";

    /// <summary>
    /// Reads a data set folder: PubMedQA (<c>ori_pqal.json</c>), MedQuAD (<c>*_QA</c> folders), or the
    /// workbench's own format: Markdown documents with front matter beside a <c>questions.jsonl</c> whose
    /// lines are <c>{"question": "...", "documents": ["file-name-without-.md"]}</c> or
    /// <c>{"question": "...", "passages": ["file-name#0"]}</c>.
    /// </summary>
    /// <param name="limit">At most this many questions, evenly spaced over the set.</param>
    /// <param name="split">PubMedQA only: "test" (the 500 official test PMIDs) or "dev" (the other 500); all when null.</param>
    public static EvaluationDataset Load(string directory, int? limit = null, string? split = null)
    {
        directory = Path.GetFullPath(directory);
        var name = Path.GetFileName(directory.TrimEnd(Path.DirectorySeparatorChar)).ToLowerInvariant();
        EvaluationDataset dataset;
        if (PubMedQaSource.Recognises(directory))
        {
            var source = new PubMedQaSource(directory);
            var questions = source.ReadQuestions();
            if (split is not null)
            {
                var test = source.ReadTestSplit();
                questions = split switch
                {
                    "test" => questions.Where(q => test.Contains(q.Pmid)).ToList(),
                    "dev" => questions.Where(q => !test.Contains(q.Pmid)).ToList(),
                    _ => throw new FormatException($"unknown split '{split}': use test or dev"),
                };
                name += "-" + split;
            }

            dataset = new EvaluationDataset(name, source, questions.Select(q => ByDocument(q.Question, PubMedQaSource.DocumentId(q.Pmid))).ToList());
        }
        else if (MedQuadSource.Recognises(directory))
        {
            var source = new MedQuadSource(directory);
            dataset = new EvaluationDataset(name, source, source.ReadQuestions().Select(q => ByDocument(q.Question, q.DocumentId)).ToList());
        }
        else if (File.Exists(Path.Combine(directory, QuestionsFile)))
        {
            dataset = new EvaluationDataset(name, new MarkdownCorpusSource(directory), ReadJsonl(Path.Combine(directory, QuestionsFile)));
        }
        else
        {
            throw new FileNotFoundException(
                $"{directory} is not a known data set: expected PubMedQA's {PubMedQaSource.FileName}, MedQuAD's *_QA folders, or Markdown documents with a {QuestionsFile}.");
        }

        return limit is { } n && n < dataset.Questions.Count ? dataset with { Questions = EvenlySpaced(dataset.Questions, n) } : dataset;
    }

    /// <summary>A sample spread over the whole set: files are ordered by source, so the first N would all come from one.</summary>
    private static List<EvaluationQuestion> EvenlySpaced(IReadOnlyList<EvaluationQuestion> questions, int count) =>
        Enumerable.Range(0, count).Select(i => questions[(int)((long)i * questions.Count / count)]).ToList();

    private static EvaluationQuestion ByDocument(string question, string documentId) =>
        new(question, new HashSet<string> { documentId }, new HashSet<string>());

    private static List<EvaluationQuestion> ReadJsonl(string path)
    {
        var questions = new List<EvaluationQuestion>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var question = root.GetProperty("question").GetString();
                var documents = Strings(root, "documents");
                var passages = Strings(root, "passages");
                if (string.IsNullOrWhiteSpace(question) || (documents.Count == 0 && passages.Count == 0))
                {
                    throw new FormatException("needs a question and at least one of 'documents' or 'passages'");
                }

                questions.Add(new EvaluationQuestion(question, documents, passages));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new FormatException($"{Path.GetFileName(path)} line {lineNumber}: {ex.Message}", ex);
            }
        }

        return questions;
    }

    private static HashSet<string> Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(e => e.GetString() ?? string.Empty).Where(s => s.Length > 0).ToHashSet()
            : [];
}
