namespace Workbench.Core.Persistence;

public sealed class RatingEntity
{
    public Guid Id { get; set; }

    public Guid AnswerId { get; set; }

    public int Score { get; set; }

    public int Flags { get; set; }

    public string? Comment { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The user who rated; null for ratings from before sign-in existed.</summary>
    public string? RatedByUserId { get; set; }
}
