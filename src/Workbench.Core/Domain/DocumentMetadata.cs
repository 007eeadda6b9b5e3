namespace Workbench.Core.Domain;

/// <summary>Where a passage comes from, shown beside every citation.</summary>
public sealed record DocumentMetadata(
    string Title,
    string Organisation,
    int? Year,
    DocumentType Type,
    string Specialty,
    string? Url);
