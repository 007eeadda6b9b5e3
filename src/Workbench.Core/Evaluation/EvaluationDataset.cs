using System.Text.Json;
using Workbench.Core.Ingestion;
using Workbench.Core.Ingestion.Datasets;

namespace Workbench.Core.Evaluation;

/// <summary>
/// A question and what answers it: relevant document ids (any passage of them counts) or, more
/// strictly, relevant passage ids (<c>document-id#chunk</c>); the reference answer when the data set has
/// one; and a stable id that decides its half of the data set.
/// </summary>
public sealed record EvaluationQuestion(string Question, IReadOnlySet<string> RelevantDocuments, IReadOnlySet<string> RelevantPassages, string? Answer = null, string? Id = null)
{
    public bool ByPassage => RelevantPassages.Count > 0;

    /// <summary>The documents that hold the answer, named directly or through one of their passages.</summary>
    public IReadOnlySet<string> GoldDocuments =>
        RelevantDocuments.Concat(RelevantPassages.Select(p => p.Split('#')[0])).ToHashSet();

    /// <summary>Development or test half, decided by a hash of the id (the question when there is none), so it never changes between runs.</summary>
    public string Half => Domain.Hashing.Sha256Hex(Id ?? Question)[0] < '8' ? "dev" : "test";
}

/// <summary>A corpus to index and the questions to ask of it.</summary>
public sealed record EvaluationDataset(string Name, IDocumentSource Corpus, IReadOnlyList<EvaluationQuestion> Questions)
{
    public const string QuestionsFile = "questions.jsonl";

    /// <summary>
    /// Reads a data set folder: PubMedQA (<c>ori_pqal.json</c>), MedQuAD (<c>*_QA</c> folders), or the
    /// workbench's own format: Markdown documents with front matter beside a <c>questions.jsonl</c> whose
    /// lines are <c>{"question": "...", "documents": ["file-name-without-.md"]}</c> or
    /// <c>{"question": "...", "passages": ["file-name#0"]}</c>, each optionally with a reference
    /// <c>"answer"</c> and an <c>"id"</c>.
    /// </summary>
    /// <param name="limit">At most this many questions, evenly spaced over the set.</param>
    /// <param name="split">"test" or "dev": for PubMedQA the 500 official test PMIDs or the other 500, for the others
    /// the half a hash of the question's id falls in (<see cref="EvaluationQuestion.Half"/>); all when null.</param>
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

            dataset = new EvaluationDataset(name, source,
                questions.Select(q => ByDocument(q.Question, PubMedQaSource.DocumentId(q.Pmid), q.LongAnswer, q.Pmid)).ToList());
            split = null;
        }
        else if (MedQuadSource.Recognises(directory))
        {
            var source = new MedQuadSource(directory);
            dataset = new EvaluationDataset(name, source, source.ReadQuestions().Select(q => ByDocument(q.Question, q.DocumentId, q.Answer, q.DocumentId)).ToList());
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

        if (split is not null)
        {
            if (split is not ("dev" or "test"))
            {
                throw new FormatException($"unknown split '{split}': use test or dev");
            }

            dataset = dataset with { Name = $"{dataset.Name}-{split}", Questions = dataset.Questions.Where(q => q.Half == split).ToList() };
        }

        return limit is { } n && n < dataset.Questions.Count ? dataset with { Questions = EvenlySpaced(dataset.Questions, n) } : dataset;
    }

    /// <summary>A sample spread over the whole set: files are ordered by source, so the first N would all come from one.</summary>
    private static List<EvaluationQuestion> EvenlySpaced(IReadOnlyList<EvaluationQuestion> questions, int count) =>
        Enumerable.Range(0, count).Select(i => questions[(int)((long)i * questions.Count / count)]).ToList();

    private static EvaluationQuestion ByDocument(string question, string documentId, string? answer, string id) =>
        new(question, new HashSet<string> { documentId }, new HashSet<string>(), string.IsNullOrWhiteSpace(answer) ? null : answer, id);

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

                var answer = root.TryGetProperty("answer", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
                var id = root.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
                questions.Add(new EvaluationQuestion(question, documents, passages, string.IsNullOrWhiteSpace(answer) ? null : answer, id));
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
