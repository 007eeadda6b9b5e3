namespace Workbench.Core.Domain;

/// <summary>What a clinician submits about an answer.</summary>
public sealed record RatingInput(int Score, RatingFlags Flags, string? Comment)
{
    public const int MaxCommentLength = 2000;

    /// <summary>Field name to message for every problem; empty when the rating can be saved.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (Score is < 1 or > 5)
        {
            errors["score"] = "Choose a score from 1 (poor) to 5 (excellent).";
        }

        if (Comment?.Length > MaxCommentLength)
        {
            errors["comment"] = $"The comment is {Comment.Length:N0} characters; the limit is {MaxCommentLength:N0}.";
        }

        if (((int)Flags & ~15) != 0)
        {
            errors["flags"] = "Unknown flag.";
        }

        return errors;
    }
}

public sealed record AnswerRating(Guid Id, Guid AnswerId, int Score, RatingFlags Flags, string? Comment, DateTimeOffset CreatedAt);

/// <summary>A line of the question history.</summary>
public sealed record AnswerSummary(Guid Id, string Question, DateTimeOffset AskedAt, bool Abstained, int? LatestScore);
