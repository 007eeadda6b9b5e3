using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workbench.Core.Domain;
using Workbench.Core.Security;

namespace Workbench.Core.Persistence;

/// <summary>A saved answer with its latest rating and who asked it (null: a campaign answer, or one from before sign-in).</summary>
public sealed record StoredAnswer(AskResult Answer, AnswerRating? LatestRating, string? AskedByUserId = null);

/// <summary>Answers, their citations and ratings in the application database.</summary>
public sealed class AnswerStore(IDbContextFactory<WorkbenchDbContext> contexts, AuditTrail audit, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Keeps a clinician's answer and records the question in the audit trail, in one transaction.</summary>
    public async Task SaveAsync(AskResult answer, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = ToEntity(answer, AnswerOrigin.Ask);
        entity.AskedByUserId = actor.UserId;
        db.Answers.Add(entity);
        db.AuditEvents.Add(audit.Entry(actor, AuditActions.QuestionAsked, answer.AnswerId.ToString(), answer.Question));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<StoredAnswer?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await db.Answers.AsNoTracking().Include(a => a.Citations).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var rating = await db.Ratings.AsNoTracking().Where(r => r.AnswerId == id)
            .OrderByDescending(r => r.CreatedAtUtc).FirstOrDefaultAsync(cancellationToken);
        return new StoredAnswer(FromEntity(entity), rating is null ? null : FromEntity(rating), entity.AskedByUserId);
    }

    /// <summary>The user's own latest questions, newest first.</summary>
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
                LatestScore = a.Ratings.OrderByDescending(r => r.CreatedAtUtc).Select(r => (int?)r.Score).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new AnswerSummary(r.Id, r.Question, StoredTime.Utc(r.AskedAtUtc), r.Abstained, r.LatestScore)).ToList();
    }

    /// <summary>Clinicians' latest rating of each rated answer, summarised per pipeline configuration.</summary>
    public async Task<IReadOnlyList<Evaluation.RatingSummary>> SummariseRatingsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Answers.AsNoTracking()
            .Where(a => a.Ratings.Any())
            .Select(a => new
            {
                a.PipelineJson,
                Latest = a.Ratings.OrderByDescending(r => r.CreatedAtUtc).Select(r => new { r.Score, r.Flags }).First(),
            })
            .ToListAsync(cancellationToken);
        return Evaluation.RatingSummary.Summarise(rows.Select(r => (JsonSerializer.Deserialize<PipelineConfiguration>(r.PipelineJson, Json)!.Label, r.Latest.Score, (RatingFlags)r.Latest.Flags)));
    }

    /// <summary>Saves a rating; returns null when the answer does not exist. Every rating is kept, the latest shown.</summary>
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
