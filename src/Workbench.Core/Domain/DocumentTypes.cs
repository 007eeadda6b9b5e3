namespace Workbench.Core.Domain;

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
