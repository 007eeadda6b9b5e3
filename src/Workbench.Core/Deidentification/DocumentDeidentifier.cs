using Workbench.Core.Domain;

namespace Workbench.Core.Deidentification;

/// <summary>What was redacted in one document: kinds and counts, never the values.</summary>
public sealed record DocumentRedactions(string DocumentId, IReadOnlyDictionary<IdentifierKind, int> Counts)
{
    public int Total => Counts.Values.Sum();

    public override string ToString() => string.Join(", ", Counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"));
}

public static class DocumentDeidentifier
{
    /// <summary>The document with every heading and section de-identified, and what was redacted.</summary>
    public static (SourceDocument Document, DocumentRedactions Redactions) Deidentify(SourceDocument document)
    {
        var counts = new Dictionary<IdentifierKind, int>();
        string Clean(string text)
        {
            var result = Deidentifier.Redact(text);
            foreach (var (kind, count) in result.Counts)
            {
                counts[kind] = counts.GetValueOrDefault(kind) + count;
            }

            return result.Text;
        }

        var sections = document.Sections.Select(s => new DocumentSection(Clean(s.Heading), Clean(s.Text))).ToList();
        return (document with { Sections = sections }, new DocumentRedactions(document.Id, counts));
    }
}
