using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workbench.Core.Deidentification;
using Workbench.Core.Security;
using Workbench.Core.Persistence;

namespace Workbench.Core.Answering;

/// <summary>A saved answer with the viewer's own latest rating and who asked it (null: a campaign answer, or one from before sign-in).</summary>
public sealed record StoredAnswer(AskResult Answer, AnswerRating? LatestRating, string? AskedByUserId = null);

/// <summary>One rater's latest rating of an answer; the rater's user name is null for ratings from before sign-in.</summary>
public sealed record RaterRating(string? Rater, AnswerRating Rating);

/// <summary>Answers, their citations and ratings in the application database.</summary>
public sealed class AnswerStore(IDbContextFactory<WorkbenchDbContext> contexts, AuditTrail audit, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Keeps a clinician's answer and records the question in the audit trail, in one transaction. A question
    /// may name a patient: only its de-identified text is stored, in both places.
    /// </summary>
    public async Task SaveAsync(AskResult answer, Actor actor, CancellationToken cancellationToken = default)
    {
        var question = Deidentifier.Redact(answer.Question).Text;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = ToEntity(answer, AnswerOrigin.Ask);
        entity.Question = question;
        entity.AskedByUserId = actor.UserId;
        db.Answers.Add(entity);
        db.AuditEvents.Add(audit.Entry(actor, AuditActions.QuestionAsked, answer.AnswerId.ToString(), question));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The answer with the latest rating <paramref name="viewerUserId"/> gave it: raters never see one another's rating in place of their own.</summary>
    public async Task<StoredAnswer?> GetAsync(Guid id, string? viewerUserId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await db.Answers.AsNoTracking().Include(a => a.Citations).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var rating = viewerUserId is null ? null : await db.Ratings.AsNoTracking().Where(r => r.AnswerId == id && r.RatedByUserId == viewerUserId)
            .OrderByDescending(r => r.CreatedAtUtc).FirstOrDefaultAsync(cancellationToken);
        return new StoredAnswer(FromEntity(entity), rating is null ? null : FromEntity(rating), entity.AskedByUserId);
    }

    /// <summary>Each rater's latest rating of the answer, newest first (for evaluators and admins).</summary>
    public async Task<IReadOnlyList<RaterRating>> ListRatingsAsync(Guid answerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ratings = await db.Ratings.AsNoTracking().Where(r => r.AnswerId == answerId).ToListAsync(cancellationToken);
        var raterIds = ratings.Select(r => r.RatedByUserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => raterIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName, cancellationToken);
        return LatestPerRater(ratings, r => (r.AnswerId, r.RatedByUserId), r => r.CreatedAtUtc)
            .OrderByDescending(r => r.CreatedAtUtc)
            .Select(r => new RaterRating(r.RatedByUserId is null ? null : names.GetValueOrDefault(r.RatedByUserId), FromEntity(r)))
            .ToList();
    }

    /// <summary>The user's own latest questions, newest first, with the user's own latest score.</summary>
    public async Task<IReadOnlyList<AnswerSummary>> ListRecentAsync(string userId, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Answers.AsNoTracking()
            .Where(a => a.Origin == AnswerOrigin.Ask && a.AskedByUserId == userId)
            .OrderByDescending(a => a.AskedAtUtc)
            .Take(take)
            .Select(a => new
            {
                a.Id,
                a.Question,
                a.AskedAtUtc,
                a.Abstained,
                LatestScore = a.Ratings.Where(r => r.RatedByUserId == userId).OrderByDescending(r => r.CreatedAtUtc).Select(r => (int?)r.Score).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new AnswerSummary(r.Id, r.Question, StoredTime.Utc(r.AskedAtUtc), r.Abstained, r.LatestScore)).ToList();
    }

    /// <summary>Each rater's latest rating of each rated answer, summarised per pipeline configuration.</summary>
    public async Task<IReadOnlyList<Evaluation.RatingSummary>> SummariseRatingsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Ratings.AsNoTracking()
            .Join(db.Answers, r => r.AnswerId, a => a.Id, (r, a) => new { r.AnswerId, r.RatedByUserId, r.CreatedAtUtc, r.Score, r.Flags, a.PipelineJson })
            .ToListAsync(cancellationToken);
        return Evaluation.RatingSummary.Summarise(LatestPerRater(rows, r => (r.AnswerId, r.RatedByUserId), r => r.CreatedAtUtc)
            .Select(r => (JsonSerializer.Deserialize<PipelineConfiguration>(r.PipelineJson, Json)!.Label, r.Score, (RatingFlags)r.Flags)));
    }

    private static IEnumerable<T> LatestPerRater<T>(IEnumerable<T> ratings, Func<T, (Guid Answer, string? Rater)> key, Func<T, DateTime> createdAt) =>
        ratings.GroupBy(key).Select(g => g.MaxBy(createdAt)!);

    /// <summary>Saves a rating; returns null when the answer does not exist. Every rating is kept; each rater's latest is theirs to see.</summary>
    public async Task<AnswerRating?> AddRatingAsync(Guid answerId, RatingInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors.Values), nameof(input));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Answers.AnyAsync(a => a.Id == answerId, cancellationToken))
        {
            return null;
        }

        var entity = new RatingEntity
        {
            Id = Guid.NewGuid(),
            AnswerId = answerId,
            Score = input.Score,
            Flags = (int)input.Flags,
            Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim(),
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            RatedByUserId = actor.UserId,
        };
        db.Ratings.Add(entity);
        db.AuditEvents.Add(audit.Entry(actor, AuditActions.AnswerRated, answerId.ToString(), $"score {input.Score}; flags: {input.Flags}"));
        await db.SaveChangesAsync(cancellationToken);
        return FromEntity(entity);
    }

    internal static AnswerEntity ToEntity(AskResult answer, AnswerOrigin origin) => new()
    {
        Origin = origin,
        Id = answer.AnswerId,
        Question = answer.Question,
        Text = answer.Text,
        Abstained = answer.Abstained,
        AbstentionReason = answer.AbstentionReason,
        SentencesJson = JsonSerializer.Serialize(answer.Sentences, Json),
        PipelineName = answer.Pipeline.Name,
        PipelineVersion = answer.Pipeline.Version,
        PipelineJson = JsonSerializer.Serialize(answer.Pipeline, Json),
        RetrievedJson = answer.Retrieved is null ? null : JsonSerializer.Serialize(answer.Retrieved, Json),
        Notice = answer.Notice,
        EmbedMs = answer.Timings.EmbedMs,
        RetrieveMs = answer.Timings.RetrieveMs,
        ComposeMs = answer.Timings.ComposeMs,
        AskedAtUtc = answer.AskedAt.UtcDateTime,
        Citations = answer.Citations.Select(c => ToEntity(c, CitationKind.Cited))
            .Concat(answer.ClosestPassages.Select(c => ToEntity(c, CitationKind.Closest)))
            .ToList(),
    };

    private static CitationEntity ToEntity(Citation citation, CitationKind kind) => new()
    {
        Kind = kind,
        Number = citation.Number,
        PassageId = citation.PassageId,
        DocumentId = citation.DocumentId,
        Heading = citation.Heading,
        Quote = citation.Quote,
        Score = citation.Score,
        Title = citation.Source.Title,
        Organisation = citation.Source.Organisation,
        Year = citation.Source.Year,
        DocumentType = citation.Source.Type.ToKeyword(),
        Specialty = citation.Source.Specialty,
        Url = citation.Source.Url,
    };

    internal static AskResult FromEntity(AnswerEntity entity)
    {
        List<Citation> Citations(CitationKind kind) => entity.Citations
            .Where(c => c.Kind == kind)
            .OrderBy(c => c.Number)
            .Select(c =>
            {
                DocumentTypes.TryParse(c.DocumentType, out var type);
                return new Citation(c.Number, c.PassageId, c.DocumentId, c.Heading, c.Quote, c.Score,
                    new DocumentMetadata(c.Title, c.Organisation, c.Year, type, c.Specialty, c.Url));
            })
            .ToList();

        return new AskResult(
            entity.Id,
            entity.Question,
            JsonSerializer.Deserialize<List<AnswerSentence>>(entity.SentencesJson, Json) ?? [],
            Citations(CitationKind.Cited),
            Citations(CitationKind.Closest),
            entity.Abstained,
            entity.AbstentionReason,
            new AskTimings(entity.EmbedMs, entity.RetrieveMs, entity.ComposeMs),
            JsonSerializer.Deserialize<PipelineConfiguration>(entity.PipelineJson, Json)
                ?? throw new InvalidDataException($"answer {entity.Id} has no pipeline configuration"),
            StoredTime.Utc(entity.AskedAtUtc),
            entity.RetrievedJson is null ? null : JsonSerializer.Deserialize<List<RetrievedSummary>>(entity.RetrievedJson, Json),
            entity.Notice);
    }

    private static AnswerRating FromEntity(RatingEntity r) =>
        new(r.Id, r.AnswerId, r.Score, (RatingFlags)r.Flags, r.Comment, StoredTime.Utc(r.CreatedAtUtc));
}
