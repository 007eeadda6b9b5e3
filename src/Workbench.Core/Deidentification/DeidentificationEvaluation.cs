using System.Text.Json;

namespace Workbench.Core.Deidentification;

/// <summary>A synthetic snippet with its known identifiers and the clinical strings that must survive.</summary>
public sealed record LabelledSnippet(int Id, string Text, IReadOnlyList<(IdentifierKind Kind, string Value)> Identifiers, IReadOnlyList<string> Keep);

/// <summary>Recall over the labelled identifiers of a kind; precision over the redactions made as that kind.</summary>
public sealed record KindScore(IdentifierKind Kind, int Labelled, int Found, int Predicted, int Correct)
{
    public double Recall => Labelled == 0 ? 1 : (double)Found / Labelled;

    public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;
}

public sealed record DeidentificationScore(IReadOnlyList<KindScore> Kinds, int KeepViolations, int Snippets)
{
    public double Recall => (double)Kinds.Sum(k => k.Found) / Math.Max(1, Kinds.Sum(k => k.Labelled));

    public double Precision => (double)Kinds.Sum(k => k.Correct) / Math.Max(1, Kinds.Sum(k => k.Predicted));
}

/// <summary>One redaction made in public text, with the span itself: public text may be shown in full.</summary>
public sealed record PublicRedaction(string Document, DocumentField Field, IdentifierKind Kind, string Before, string Span, string After);

/// <summary>Every redaction the ingestion de-identifier makes in a corpus of public text, and the words it read.</summary>
public sealed record CorpusRedactionReport(int Documents, int Words, IReadOnlyList<PublicRedaction> Redactions)
{
    public double PerThousandWords => Words == 0 ? 0 : 1000.0 * Redactions.Count / Words;

    /// <summary>Redactions in a title or heading: in public text each one damages what is shown and embedded ("[NAME]: treatment").</summary>
    public int HeadingRedactions => Redactions.Count(r => r.Field != DocumentField.Text);
}

/// <summary>Measures the de-identifier: on a labelled snippet set, and on text with no identifiers at all.</summary>
public static class DeidentificationEvaluation
{
    public static IReadOnlyList<LabelledSnippet> Load(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select((line, i) =>
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var identifiers = root.GetProperty("identifiers").EnumerateArray()
                .Select(e => (Enum.Parse<IdentifierKind>(e.GetProperty("type").GetString()!, ignoreCase: true), e.GetProperty("value").GetString()!))
                .ToList();
            var keep = root.TryGetProperty("keep", out var k) ? k.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
            return new LabelledSnippet(root.TryGetProperty("id", out var id) ? id.GetInt32() : i + 1, root.GetProperty("text").GetString()!, identifiers, keep);
        }).ToList();

    public static DeidentificationScore Score(IReadOnlyList<LabelledSnippet> snippets)
    {
        var labelled = new Dictionary<IdentifierKind, int>();
        var found = new Dictionary<IdentifierKind, int>();
        var predicted = new Dictionary<IdentifierKind, int>();
        var correct = new Dictionary<IdentifierKind, int>();
        var keepViolations = 0;
        foreach (var snippet in snippets)
        {
            var redactions = Deidentifier.Redact(snippet.Text).Redactions;
            var spans = snippet.Identifiers.SelectMany(i => Occurrences(snippet.Text, i.Value).Select(start => (i.Kind, Start: start, End: start + i.Value.Length))).ToList();
            foreach (var span in spans)
            {
                labelled[span.Kind] = labelled.GetValueOrDefault(span.Kind) + 1;
                if (redactions.Any(r => r.Overlaps(span.Start, span.End)))
                {
                    found[span.Kind] = found.GetValueOrDefault(span.Kind) + 1;
                }
            }

            foreach (var redaction in redactions)
            {
                predicted[redaction.Kind] = predicted.GetValueOrDefault(redaction.Kind) + 1;
                if (spans.Any(s => redaction.Overlaps(s.Start, s.End)))
                {
                    correct[redaction.Kind] = correct.GetValueOrDefault(redaction.Kind) + 1;
                }
            }

            keepViolations += snippet.Keep.Count(keep =>
                Occurrences(snippet.Text, keep).Any(start => redactions.Any(r => r.Overlaps(start, start + keep.Length))));
        }

        var kinds = Enum.GetValues<IdentifierKind>()
            .Select(k => new KindScore(k, labelled.GetValueOrDefault(k), found.GetValueOrDefault(k), predicted.GetValueOrDefault(k), correct.GetValueOrDefault(k)))
            .Where(k => k.Labelled > 0 || k.Predicted > 0)
            .ToList();
        return new DeidentificationScore(kinds, keepViolations, snippets.Count);
    }

    /// <summary>Characters of context either side of a redaction in <see cref="OnCorpus"/>.</summary>
    public const int ContextWidth = 60;

    /// <summary>De-identifies every document exactly as ingestion does and lists each redaction with its surroundings.</summary>
    public static CorpusRedactionReport OnCorpus(IReadOnlyList<SourceDocument> documents, AllowList allowed)
    {
        var words = 0;
        var redactions = new List<PublicRedaction>();
        foreach (var document in documents)
        {
            foreach (var field in DocumentDeidentifier.Deidentify(document, allowed).Fields)
            {
                words += field.Original.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
                var text = field.Original;
                redactions.AddRange(field.Result.Redactions.Select(r => new PublicRedaction(
                    document.Id, field.Field, r.Kind, text[Math.Max(0, r.Start - ContextWidth)..r.Start], text[r.Start..r.End], text[r.End..Math.Min(text.Length, r.End + ContextWidth)])));
            }
        }

        return new CorpusRedactionReport(documents.Count, words, redactions);
    }

    private static IEnumerable<int> Occurrences(string text, string value)
    {
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }
}
