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
}
