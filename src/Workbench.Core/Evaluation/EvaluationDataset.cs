using System.Text.Json;
using Workbench.Core.Ingestion;
using Workbench.Core.Ingestion.Datasets;

namespace Workbench.Core.Evaluation;

/// <summary>
/// A question and what answers it: relevant document ids (any passage of them counts) or, more
/// strictly, relevant passage ids (<c>document-id#chunk</c>); the reference answer when the data set has
/// one; a stable id that decides its half of the data set; and with <paramref name="Gains"/>, graded
/// relevance: each relevant document's gain for nDCG (the binary metrics still count every relevant one).
/// </summary>
public sealed record EvaluationQuestion(
    string Question, IReadOnlySet<string> RelevantDocuments, IReadOnlySet<string> RelevantPassages, string? Answer = null, string? Id = null,
    IReadOnlyDictionary<string, double>? Gains = null)
{
    public bool ByPassage => RelevantPassages.Count > 0;

    public bool Graded => Gains is not null;

    /// <summary>The documents that hold the answer, named directly or through one of their passages.</summary>
    public IReadOnlySet<string> GoldDocuments =>
        RelevantDocuments.Concat(RelevantPassages.Select(p => p.Split('#')[0])).ToHashSet();

    /// <summary>Development or test half, decided by a hash of the id (the question when there is none), so it never changes between runs.</summary>
    public string Half => EvaluationDataset.InTestHalf(Id ?? Question) ? "test" : "dev";
}

/// <summary>A corpus to index and the questions to ask of it.</summary>
public sealed record EvaluationDataset(string Name, IDocumentSource Corpus, IReadOnlyList<EvaluationQuestion> Questions)
{
    public const string QuestionsFile = "questions.jsonl";

    /// <summary>
    /// Reads a data set: PubMedQA (<c>ori_pqal.json</c>), MedQuAD (<c>*_QA</c> folders), a MEDIQA 2019
    /// Task 3 file (<c>MEDIQA2019-Task3-QA-*.xml</c>, graded), or a folder in the workbench's own format: Markdown documents with front matter beside a <c>questions.jsonl</c> whose
    /// lines are <c>{"question": "...", "documents": ["file-name-without-.md"]}</c> or
    /// <c>{"question": "...", "passages": ["file-name#0"]}</c>, each optionally with a reference
    /// <c>"answer"</c> and an <c>"id"</c>.
    /// </summary>
    /// <param name="limit">At most this many questions, evenly spaced over the set.</param>
    /// <param name="split">
    /// "dev" or "test", a half of the set to tune on and the other to report: for PubMedQA the 500 official
    /// test PMIDs and the other 500, for the others a fixed half by a hash of each question; all when null.
    /// </param>
    public static EvaluationDataset Load(string directory, int? limit = null, string? split = null)
    {
        directory = Path.GetFullPath(directory);
        var name = Path.GetFileName(directory.TrimEnd(Path.DirectorySeparatorChar)).ToLowerInvariant();
        if (split is not null and not ("dev" or "test"))
        {
            throw new FormatException($"unknown split '{split}': use test or dev");
        }

        EvaluationDataset dataset;
        if (MediqaSource.Recognises(directory))
        {
            var source = new MediqaSource(directory);
            dataset = new EvaluationDataset(Path.GetFileNameWithoutExtension(name), source, source.ReadQuestions().Select(Graded).ToList());
        }
        else if (PubMedQaSource.Recognises(directory))
        {
            var source = new PubMedQaSource(directory);
            var questions = source.ReadQuestions();
            if (split is not null)
            {
                var test = source.ReadTestSplit();
                questions = questions.Where(q => test.Contains(q.Pmid) == (split == "test")).ToList();
            }

            dataset = new EvaluationDataset(name, source,
                questions.Select(q => ByDocument(q.Question, PubMedQaSource.DocumentId(q.Pmid), q.LongAnswer, q.Pmid)).ToList());
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
                $"{directory} is not a known data set: expected PubMedQA's {PubMedQaSource.FileName}, MedQuAD's *_QA folders, a MEDIQA2019-Task3-QA-*.xml file, or Markdown documents with a {QuestionsFile}.");
        }

        if (split is not null)
        {
            // PubMedQA's halves are its official ones, taken above.
            var questions = dataset.Corpus is PubMedQaSource ? dataset.Questions : dataset.Questions.Where(q => q.Half == split).ToList();
            dataset = dataset with { Name = $"{dataset.Name}-{split}", Questions = questions };
        }

        return limit is { } n && n < dataset.Questions.Count ? dataset with { Questions = EvenlySpaced(dataset.Questions, n) } : dataset;
    }

    /// <summary>
    /// A fixed half of any question set, the same on every machine and run: by the first bit of the
    /// question's SHA-256, so neither file order nor the other questions decide it.
    /// </summary>
    public static bool InTestHalf(string question) => Hashing.Sha256Hex(question)[0] >= '8';

    /// <summary>A sample spread over the whole set: files are ordered by source, so the first N would all come from one.</summary>
    private static List<EvaluationQuestion> EvenlySpaced(IReadOnlyList<EvaluationQuestion> questions, int count) =>
        Enumerable.Range(0, count).Select(i => questions[(int)((long)i * questions.Count / count)]).ToList();

    /// <summary>Grades 3 and 4 are relevant (the shared task's "correct"), with gain grade − 2; 1 and 2 are not.</summary>
    private static EvaluationQuestion Graded(MediqaQuestion question)
    {
        var gains = question.Grades.Where(g => g.Value >= 3).ToDictionary(g => g.Key, g => (double)(g.Value - 2));
        return new EvaluationQuestion(question.Question, gains.Keys.ToHashSet(), new HashSet<string>(), question.BestAnswer, Gains: gains);
    }

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
