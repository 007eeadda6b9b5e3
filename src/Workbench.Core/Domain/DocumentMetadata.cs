namespace Workbench.Core.Domain;

/// <summary>Where a passage comes from, shown beside every citation.</summary>
public sealed record DocumentMetadata(
    string Title,
    string Organisation,
    int? Year,
    DocumentType Type,
    string Specialty,
    string? Url);

public enum DocumentType
{
    Guideline,
    Research,
}

public static class DocumentTypes
{
    public static string ToKeyword(this DocumentType type) => type switch
    {
        DocumentType.Guideline => "guideline",
        DocumentType.Research => "research",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParse(string? value, out DocumentType type)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "guideline":
                type = DocumentType.Guideline;
                return true;
            case "research":
                type = DocumentType.Research;
                return true;
            default:
                type = default;
                return false;
        }
    }
}
