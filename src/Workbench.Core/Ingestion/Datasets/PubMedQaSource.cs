using System.Text.Json;

namespace Workbench.Core.Ingestion.Datasets;

/// <summary>
/// PubMedQA's labelled set (<c>ori_pqal.json</c>): one research document per PMID, one section per
/// abstract context under its label. The conclusion (LONG_ANSWER) is never indexed: it is the reference answer.
/// </summary>
public sealed class PubMedQaSource(string directory) : IDocumentSource
{
    public const string FileName = "ori_pqal.json";

    public string Name => $"PubMedQA {directory}";

    public static bool Recognises(string directory) => File.Exists(Path.Combine(directory, FileName));

    public SourceReadResult Read()
    {
        var documents = new List<SourceDocument>();
        var problems = new List<IngestionProblem>();
        foreach (var entry in ReadEntries(problems))
        {
            var (pmid, item) = entry;
            if (!item.TryGetProperty("CONTEXTS", out var contexts) || contexts.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new IngestionProblem($"PMID {pmid}", "no CONTEXTS array"));
                continue;
            }

            var labels = item.TryGetProperty("LABELS", out var l) && l.ValueKind == JsonValueKind.Array
                ? l.EnumerateArray().Select(x => x.GetString() ?? "ABSTRACT").ToList()
                : [];
            var sections = contexts.EnumerateArray()
                .Select((c, i) => new DocumentSection(i < labels.Count ? labels[i] : "ABSTRACT", c.GetString() ?? string.Empty))
                .Where(s => s.Text.Length > 0)
                .ToList();
            int? year = item.TryGetProperty("YEAR", out var y) && int.TryParse(y.GetString(), out var parsed) ? parsed : null;
            var metadata = new DocumentMetadata($"PubMed {pmid}", "PubMed", year, DocumentType.Research, "research",
                $"https://pubmed.ncbi.nlm.nih.gov/{pmid}/");
            documents.Add(new SourceDocument(DocumentId(pmid), metadata, sections));
        }

        return new SourceReadResult(documents, problems);
    }

    public static string DocumentId(string pmid) => $"pubmed-{pmid}";

    /// <summary>
    /// The labelled questions: the research question, the PMID whose abstract answers it, and the
    /// abstract's conclusion (<c>LONG_ANSWER</c>), the reference answer.
    /// </summary>
    public IReadOnlyList<(string Pmid, string Question, string LongAnswer)> ReadQuestions() =>
        ReadEntries([])
            .Select(e => (e.Pmid, Text(e.Item, "QUESTION"), Text(e.Item, "LONG_ANSWER")))
            .Where(q => q.Item2.Length > 0)
            .ToList();

    private static string Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;

    /// <summary>The PMIDs of the official test split (<c>test_ground_truth.json</c>); the rest is the development split.</summary>
    public IReadOnlySet<string> ReadTestSplit()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "test_ground_truth.json")));
        return json.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
    }

    private IEnumerable<(string Pmid, JsonElement Item)> ReadEntries(List<IngestionProblem> problems)
    {
        var path = Path.Combine(directory, FileName);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            problems.Add(new IngestionProblem(path, $"cannot read PubMedQA file: {ex.Message}"));
            yield break;
        }

        using (json)
        {
            foreach (var property in json.RootElement.EnumerateObject())
            {
                yield return (property.Name, property.Value.Clone());
            }
        }
    }
}
