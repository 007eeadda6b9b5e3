namespace Workbench.Core.Deidentification;

/// <summary>What was redacted in one document: kinds and counts, never the values.</summary>
public sealed record DocumentRedactions(string DocumentId, IReadOnlyDictionary<IdentifierKind, int> Counts)
{
    public int Total => Counts.Values.Sum();

    public override string ToString() => string.Join(", ", Counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"));
}

/// <summary>One field of a document as read and as de-identified.</summary>
public sealed record DeidentifiedField(DocumentField Field, string Original, DeidentifiedText Result);

/// <summary>A document de-identified field by field (title, then each section's heading and text).</summary>
public sealed record DeidentifiedDocument(SourceDocument Document, DocumentRedactions Redactions, IReadOnlyList<DeidentifiedField> Fields)
{
    /// <summary>Each redaction with the de-identified words around it: what an admin may see, never the value.</summary>
    public IReadOnlyList<RedactionContext> Contexts(int width) =>
        Fields.SelectMany(f => f.Result.Redactions.Select((r, i) =>
        {
            var (before, after) = f.Result.Context(i, width);
            return new RedactionContext(f.Field, r.Kind, before, after);
        })).ToList();
}

/// <summary>A redaction in context: its kind and the de-identified text either side of its placeholder.</summary>
public sealed record RedactionContext(DocumentField Field, IdentifierKind Kind, string Before, string After)
{
    public string Placeholder => Deidentifier.Placeholder(Kind);
}

public static class DocumentDeidentifier
{
    /// <summary>The document with its title, every heading and every section de-identified, and what was redacted.</summary>
    public static (SourceDocument Document, DocumentRedactions Redactions) Deidentify(SourceDocument document)
    {
        var deidentified = Deidentify(document, AllowList.Empty);
        return (deidentified.Document, deidentified.Redactions);
    }

    public static DeidentifiedDocument Deidentify(SourceDocument document, AllowList allowed)
    {
        var fields = new List<DeidentifiedField>();
        string Clean(DocumentField field, string text)
        {
            var result = Deidentifier.Redact(text, allowed, titleCase: field != DocumentField.Text);
            fields.Add(new DeidentifiedField(field, text, result));
            return result.Text;
        }

        var metadata = document.Metadata with { Title = Clean(DocumentField.Title, document.Metadata.Title) };
        var sections = document.Sections.Select(s => new DocumentSection(Clean(DocumentField.Heading, s.Heading), Clean(DocumentField.Text, s.Text))).ToList();
        var counts = fields.SelectMany(f => f.Result.Redactions).GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count());
        return new DeidentifiedDocument(document with { Metadata = metadata, Sections = sections }, new DocumentRedactions(document.Id, counts), fields);
    }
}
