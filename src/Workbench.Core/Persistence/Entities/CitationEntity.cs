namespace Workbench.Core.Persistence;

public sealed class CitationEntity
{
    public long Id { get; set; }

    public Guid AnswerId { get; set; }

    public CitationKind Kind { get; set; }

    public int Number { get; set; }

    public required string PassageId { get; set; }

    public required string DocumentId { get; set; }

    public required string Heading { get; set; }

    public required string Quote { get; set; }

    public double Score { get; set; }

    public required string Title { get; set; }

    public required string Organisation { get; set; }

    public int? Year { get; set; }

    public required string DocumentType { get; set; }

    public required string Specialty { get; set; }

    public string? Url { get; set; }
}
