using System.Text;
using System.Text.Json;

namespace Workbench.Core.Evaluation.Campaigns;

/// <summary>A problem with one line of an imported question set (line 0: the file as a whole).</summary>
public sealed record QuestionSetError(int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"line {Line}: {Message}" : Message;
}

public sealed record QuestionSetParseResult(IReadOnlyList<string> Questions, IReadOnlyList<QuestionSetError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Reads an evaluation question set. All or nothing: any bad line makes the whole set fail with every
/// offending line number, so a campaign is never created from half a file.
/// </summary>
public static class QuestionSetParser
{
    public static QuestionSetFormat DetectFormat(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => QuestionSetFormat.Csv,
        ".jsonl" or ".ndjson" => QuestionSetFormat.Jsonl,
        ".json" => QuestionSetFormat.PubMedQa,
        _ => QuestionSetFormat.Lines,
    };

    public static QuestionSetParseResult Parse(string content, QuestionSetFormat format, int maxQuestions, int maxQuestionLength)
    {
        var errors = new List<QuestionSetError>();
        var questions = new List<(int Line, string Text)>();
        switch (format)
        {
            case QuestionSetFormat.Lines:
                questions.AddRange(Lines(content).Where(l => l.Text.Trim().Length > 0).Select(l => (l.Line, l.Text.Trim())));
                break;
            case QuestionSetFormat.Csv:
                ParseCsv(content, questions, errors);
                break;
            case QuestionSetFormat.Jsonl:
                ParseJsonl(content, questions, errors);
                break;
            case QuestionSetFormat.PubMedQa:
                ParsePubMedQa(content, questions, errors);
                break;
        }

        foreach (var (line, text) in questions.Where(q => q.Text.Length > maxQuestionLength))
        {
            errors.Add(new QuestionSetError(line, $"the question is {text.Length:N0} characters; the limit is {maxQuestionLength:N0}"));
        }

        if (questions.Count == 0 && errors.Count == 0)
        {
            errors.Add(new QuestionSetError(0, "The question set is empty."));
        }

        if (questions.Count > maxQuestions)
        {
            errors.Add(new QuestionSetError(0, $"The set has {questions.Count:N0} questions; a campaign takes at most {maxQuestions:N0}."));
        }

        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        return errors.Count > 0
            ? new QuestionSetParseResult([], errors)
            : new QuestionSetParseResult(questions.Select(q => q.Text).ToList(), []);
    }

    private static IEnumerable<(int Line, string Text)> Lines(string content) =>
        content.ReplaceLineEndings("\n").Split('\n').Select((text, i) => (i + 1, text));

    private static void ParseJsonl(string content, List<(int, string)> questions, List<QuestionSetError> errors)
    {
        foreach (var (line, text) in Lines(content).Where(l => l.Text.Trim().Length > 0))
        {
            try
            {
                using var json = JsonDocument.Parse(text);
                if (json.RootElement.ValueKind == JsonValueKind.Object
                    && json.RootElement.TryGetProperty("question", out var q) && q.ValueKind == JsonValueKind.String
                    && q.GetString()!.Trim() is { Length: > 0 } question)
                {
                    questions.Add((line, question));
                }
                else
                {
                    errors.Add(new QuestionSetError(line, "expected an object with a non-empty \"question\" string"));
                }
            }
            catch (JsonException ex)
            {
                errors.Add(new QuestionSetError(line, $"not valid JSON ({ex.Message.Split('.')[0]})"));
            }
        }
    }

    private static void ParsePubMedQa(string content, List<(int, string)> questions, List<QuestionSetError> errors)
    {
        try
        {
            using var json = JsonDocument.Parse(content);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new QuestionSetError(1, "expected PubMedQA's object keyed by PMID"));
                return;
            }

            foreach (var entry in json.RootElement.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.Object && entry.Value.TryGetProperty("QUESTION", out var q)
                    && q.ValueKind == JsonValueKind.String && q.GetString()!.Trim() is { Length: > 0 } question)
                {
                    questions.Add((0, question));
                }
                else
                {
                    errors.Add(new QuestionSetError(0, $"PMID {entry.Name} has no QUESTION"));
                }
            }
        }
        catch (JsonException ex)
        {
            errors.Add(new QuestionSetError((int)(ex.LineNumber ?? 0) + 1, $"not valid JSON ({ex.Message.Split('.')[0]})"));
        }
    }

    private static void ParseCsv(string content, List<(int, string)> questions, List<QuestionSetError> errors)
    {
        var records = CsvRecords(content, errors).ToList();
        if (records.Count == 0)
        {
            return;
        }

        var header = records[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var column = header.IndexOf("question");
        if (column < 0)
        {
            errors.Add(new QuestionSetError(records[0].Line, "the header row has no \"question\" column"));
            return;
        }

        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (fields.Count != header.Count)
            {
                errors.Add(new QuestionSetError(line, $"{fields.Count} fields where the header has {header.Count}"));
            }
            else if (fields[column].Trim() is { Length: > 0 } question)
            {
                questions.Add((line, question));
            }
            else
            {
                errors.Add(new QuestionSetError(line, "the question is empty"));
            }
        }
    }

    /// <summary>RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static IEnumerable<(int Line, List<string> Fields)> CsvRecords(string content, List<QuestionSetError> errors)
    {
        var text = content.ReplaceLineEndings("\n");
        var line = 1;
        var recordLine = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                yield return (recordLine, fields);
                fields = [];
                field.Clear();
                recordLine = ++line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            errors.Add(new QuestionSetError(recordLine, "a quoted field is never closed"));
            yield break;
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (recordLine, fields);
        }
    }
}
