namespace Workbench.Core.Deidentification;

/// <summary>The HIPAA Safe Harbor identifier kinds that can appear in free text.</summary>
public enum IdentifierKind
{
    Name,
    Date,
    Phone,
    Fax,
    Email,
    Url,
    Address,
    Zip,
    Mrn,
    Account,
    License,
    Device,
    HealthPlan,
    Ssn,
    Ip,
    Age,

    /// <summary>Not an identifier found but a whole text withheld: the rules could not finish checking it in time.</summary>
    Withheld,
}

/// <summary>One identifier found in a text: its kind and where it was (in the original text).</summary>
public sealed record Redaction(IdentifierKind Kind, int Start, int Length)
{
    public int End => Start + Length;

    public bool Overlaps(int start, int end) => Start < end && start < End;
}

/// <summary>A text with its identifiers replaced by typed placeholders, and what was replaced (never the values).</summary>
public sealed record DeidentifiedText(string Text, IReadOnlyList<Redaction> Redactions)
{
    public IReadOnlyDictionary<IdentifierKind, int> Counts =>
        Redactions.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// The de-identified text either side of the placeholder of redaction <paramref name="index"/>, up to
    /// <paramref name="width"/> characters each way, cut at a word boundary: other identifiers nearby are placeholders too.
    /// </summary>
    public (string Before, string After) Context(int index, int width)
    {
        var start = Redactions[index].Start;
        for (var i = 0; i < index; i++)
        {
            start += Deidentifier.Placeholder(Redactions[i].Kind).Length - Redactions[i].Length;
        }

        var end = start + Deidentifier.Placeholder(Redactions[index].Kind).Length;
        var before = Text[Math.Max(0, start - width)..start];
        var after = Text[end..Math.Min(Text.Length, end + width)];
        if (start - width > 0 && before.IndexOf(' ') is var space and >= 0)
        {
            before = before[(space + 1)..];
        }

        if (end + width < Text.Length && after.LastIndexOf(' ') is var last and > 0)
        {
            after = after[..last];
        }

        return (before, after);
    }
}
