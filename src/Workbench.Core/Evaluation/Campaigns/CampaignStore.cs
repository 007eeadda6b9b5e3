using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workbench.Core.Persistence;
using Workbench.Core.Security;
using Workbench.Core.Telemetry;
using Workbench.Core.Answering;

namespace Workbench.Core.Evaluation.Campaigns;

/// <summary>Evaluation campaigns in the application database: questions, generated answers, raters' judgements.</summary>
public sealed class CampaignStore(IDbContextFactory<WorkbenchDbContext> contexts, AuditTrail audit, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = StoredCampaign.Json;

    /// <summary>Creates the campaign with all its questions in one transaction; it starts in <see cref="CampaignStatus.Generating"/>.</summary>
    public async Task<Guid> CreateAsync(CampaignDraft draft, string? ownerUserId, CancellationToken cancellationToken = default)
    {
        var errors = draft.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors.Values), nameof(draft));
        }

        var raters = draft.Raters.Select(r => r.Trim()).Where(r => r.Length > 0).ToList();
        var checks = (draft.Checks ?? []).ToDictionary(c => c.Question, c => c.Expected);
        var campaign = new CampaignEntity
        {
            Id = Guid.NewGuid(),
            Name = draft.Name.Trim(),
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            Status = CampaignStatus.Generating,
            CreatedByUserId = ownerUserId,
            BlindingSeed = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            VariantsJson = JsonSerializer.Serialize(draft.Variants, Json),
            RatersJson = JsonSerializer.Serialize(raters, Json),
            Overlap = draft.Overlap < raters.Count ? draft.Overlap : null,
            Guidelines = string.IsNullOrWhiteSpace(draft.Guidelines) ? null : draft.Guidelines.Trim(),
            Questions = draft.Questions.Select((q, i) => new CampaignQuestionEntity { Ordinal = i, Text = q, CheckExpected = checks.GetValueOrDefault(i) }).ToList(),
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Campaigns.Add(campaign);
        if (campaign.Overlap is { } overlap)
        {
            var items = draft.Questions.Count * CampaignSummary.PairCount(draft.Variants.Count);
            db.CampaignAssignments.AddRange(CampaignAssignment.Assign(items, raters, overlap, campaign.BlindingSeed)
                .Select(a => new CampaignAssignmentEntity { CampaignId = campaign.Id, Item = a.Item, Rater = a.Rater }));
        }

        await db.SaveChangesAsync(cancellationToken);
        return campaign.Id;
    }

    public async Task<IReadOnlyList<CampaignSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.CreatedAtUtc).ToListAsync(cancellationToken);
        var summaries = new List<CampaignSummary>();
        foreach (var campaign in campaigns)
        {
            summaries.Add(await StoredCampaign.SummariseAsync(db, campaign, cancellationToken));
        }

        return summaries;
    }

    public async Task<CampaignSummary?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return campaign is null ? null : await StoredCampaign.SummariseAsync(db, campaign, cancellationToken);
    }

    /// <summary>Campaigns whose answers are still being generated: resumed after a restart.</summary>
    public async Task<IReadOnlyList<Guid>> ListGeneratingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Campaigns.Where(c => c.Status == CampaignStatus.Generating).Select(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The (question, configuration) answers not generated yet, question by question.</summary>
    public async Task<IReadOnlyList<(int Question, string Text, int VariantIndex, PipelineVariant Variant)>> ListMissingAnswersAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Questions).FirstAsync(c => c.Id == id, cancellationToken);
        var done = (await db.CampaignAnswers.Where(a => a.CampaignId == id).Select(a => new { a.QuestionOrdinal, a.VariantIndex }).ToListAsync(cancellationToken))
            .Select(a => (a.QuestionOrdinal, a.VariantIndex)).ToHashSet();
        var variants = StoredCampaign.Variants(campaign);
        return campaign.Questions.OrderBy(q => q.Ordinal)
            .SelectMany(q => variants.Select((v, i) => (q.Ordinal, q.Text, i, v)))
            .Where(x => !done.Contains((x.Ordinal, x.i)))
            .ToList();
    }

    /// <summary>Stores a generated answer and links it to the campaign, atomically.</summary>
    public async Task AddAnswerAsync(Guid id, int question, int variantIndex, AskResult answer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Answers.Add(AnswerStore.ToEntity(answer, AnswerOrigin.Campaign));
        db.CampaignAnswers.Add(new CampaignAnswerEntity { CampaignId = id, QuestionOrdinal = question, VariantIndex = variantIndex, AnswerId = answer.AnswerId });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetStatusAsync(Guid id, CampaignStatus status, string? error = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.FirstAsync(c => c.Id == id, cancellationToken);
        campaign.Status = status;
        campaign.Error = error;
        campaign.ClosedAtUtc = status == CampaignStatus.Closed ? time.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// An item of the rater's queue, blinded: the given item, or else the next the rater has not scored
    /// (<see cref="GetNextItemAsync"/> from the start of their queue). Null when the campaign, rater or item
    /// does not exist, when the campaign is not open for scoring, or when the rater has scored everything.
    /// </summary>
    public Task<BlindItem?> GetItemAsync(Guid id, string rater, int? item = null, CancellationToken cancellationToken = default) =>
        GetItemAsync(id, rater, item, after: null, cancellationToken);

    /// <summary>
    /// The rater's next unscored item after <paramref name="after"/> in their queue (wrapping round to its start):
    /// with more than two configurations, one comparing the pair <see cref="PairChoice"/> finds most informative.
    /// </summary>
    public Task<BlindItem?> GetNextItemAsync(Guid id, string rater, int? after, CancellationToken cancellationToken = default) =>
        GetItemAsync(id, rater, item: null, after, cancellationToken);

    private async Task<BlindItem?> GetItemAsync(Guid id, string rater, int? item, int? after, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Questions).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null || campaign.Status != CampaignStatus.Open || StoredCampaign.Rater(campaign, rater) is not { } name)
        {
            return null;
        }

        var variants = StoredCampaign.Variants(campaign);
        var pairs = CampaignSummary.PairCount(variants.Count);
        var queue = await RaterQueue.QueueAsync(db, campaign, name, cancellationToken);
        var scored = (await db.Judgements.Where(j => j.CampaignId == id && j.Rater == name).Select(j => j.Item).ToListAsync(cancellationToken)).ToHashSet();
        var target = item ?? PairChoice.Next(queue, scored, variants.Count, await RaterQueue.PairPriorityAsync(db, campaign, variants.Count, cancellationToken), after);
        var position = target is { } t ? queue.IndexOf(t) : -1;
        if (target is not { } chosen || position < 0)
        {
            return null;
        }

        var question = campaign.Questions.First(q => q.Ordinal == chosen / pairs);
        var (first, second) = CampaignSummary.Pair(variants.Count, chosen % pairs);
        var answerIds = await db.CampaignAnswers.Where(a => a.CampaignId == id && a.QuestionOrdinal == question.Ordinal)
            .ToDictionaryAsync(a => a.VariantIndex, a => a.AnswerId, cancellationToken);
        var answers = await db.Answers.AsNoTracking().Include(a => a.Citations)
            .Where(a => a.Id == answerIds[first] || a.Id == answerIds[second])
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var swapped = Blinding.IsSwapped(campaign.BlindingSeed, chosen, name);
        var (left, right) = swapped ? (second, first) : (first, second);

        var existing = await db.Judgements.AsNoTracking().FirstOrDefaultAsync(j => j.CampaignId == id && j.Item == chosen && j.Rater == name, cancellationToken);
        BlindJudgement? previous = null;
        if (existing is not null)
        {
            var firstScores = JsonSerializer.Deserialize<RubricScores>(existing.FirstScoresJson, Json)!;
            var secondScores = JsonSerializer.Deserialize<RubricScores>(existing.SecondScoresJson, Json)!;
            previous = new BlindJudgement(swapped ? secondScores : firstScores, swapped ? firstScores : secondScores,
                Blinding.Blind((PairPreference)existing.Preference, swapped), existing.Comment);
        }

        return new BlindItem(id, campaign.Name, chosen, queue.Count, scored.Count(queue.Contains), question.Text,
            BlindAnswer.From("A", AnswerStore.FromEntity(answers[answerIds[left]])),
            BlindAnswer.From("B", AnswerStore.FromEntity(answers[answerIds[right]])),
            previous, position, position > 0 ? queue[position - 1] : null, position < queue.Count - 1 ? queue[position + 1] : null);
    }

    /// <summary>The first item of the rater's queue, scored or not: where revisiting starts.</summary>
    public async Task<BlindItem?> GetFirstItemAsync(Guid id, string rater, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Questions).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return campaign is not null && StoredCampaign.Rater(campaign, rater) is { } name && (await RaterQueue.QueueAsync(db, campaign, name, cancellationToken)) is [var first, ..]
            ? await GetItemAsync(id, rater, first, cancellationToken)
            : null;
    }

    /// <summary>Saves a rater's judgement of an item, replacing only that rater's earlier judgement of it. The rater is the signed-in user.</summary>
    public async Task<SubmitResult> SubmitAsync(Guid id, Actor rater, JudgementInput input, CancellationToken cancellationToken = default)
    {
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return new SubmitResult(SubmitOutcome.Invalid, errors);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Questions).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null || StoredCampaign.Rater(campaign, rater.Name) is not { } name)
        {
            return SubmitResult.Fail(SubmitOutcome.NotFound, "rater", "There is no such campaign, or the rater is not assigned to it.");
        }

        if (campaign.Status != CampaignStatus.Open)
        {
            return SubmitResult.Fail(SubmitOutcome.NotOpen, "campaign", campaign.Status == CampaignStatus.Closed
                ? "The campaign is closed; judgements can no longer change."
                : "The campaign's answers are still being generated.");
        }

        var variants = StoredCampaign.Variants(campaign);
        var pairs = CampaignSummary.PairCount(variants.Count);
        if (!(await RaterQueue.QueueAsync(db, campaign, name, cancellationToken)).Contains(input.Item))
        {
            return SubmitResult.Fail(SubmitOutcome.NotFound, "item", $"Item {input.Item} is not in your queue for this campaign.");
        }

        var swapped = Blinding.IsSwapped(campaign.BlindingSeed, input.Item, name);
        var (first, second) = CampaignSummary.Pair(variants.Count, input.Item % pairs);
        var entity = await db.Judgements.FirstOrDefaultAsync(j => j.CampaignId == id && j.Item == input.Item && j.Rater == name, cancellationToken);
        if (entity is null)
        {
            entity = new JudgementEntity { CampaignId = id, Item = input.Item, Rater = name, FirstScoresJson = string.Empty, SecondScoresJson = string.Empty };
            db.Judgements.Add(entity);
        }

        entity.FirstVariant = first;
        entity.SecondVariant = second;
        entity.FirstScoresJson = JsonSerializer.Serialize(swapped ? input.Right : input.Left, Json);
        entity.SecondScoresJson = JsonSerializer.Serialize(swapped ? input.Left : input.Right, Json);
        entity.Preference = (int)Blinding.Unblind(input.Preference!.Value, swapped);
        entity.Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        entity.SubmittedAtUtc = time.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same rater submitted the same item twice at once (two tabs): the other request's row stands.
            return SubmitResult.Fail(SubmitOutcome.Invalid, "item", "This item was just saved from another window; reload to see it.");
        }

        WorkbenchTelemetry.CampaignJudgements.Add(1);

        await audit.RecordAsync(rater, AuditActions.JudgementSubmitted, $"{id}#{input.Item}", $"preference {input.Preference}", cancellationToken);
        return SubmitResult.Saved;
    }

    /// <summary>Every judgement with blinding undone, the configurations, each answer's style and the check items; only for closed campaigns.</summary>
    public async Task<(CampaignSummary Campaign, IReadOnlyList<Judgement> Judgements, CampaignEvidence Evidence)?> GetJudgementsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Questions).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null || campaign.Status != CampaignStatus.Closed)
        {
            return null;
        }

        var rows = await db.Judgements.AsNoTracking().Where(j => j.CampaignId == id).OrderBy(j => j.Item).ThenBy(j => j.Rater).ToListAsync(cancellationToken);
        var judgements = rows.Select(j => new Judgement(j.Item, j.Rater, j.FirstVariant, j.SecondVariant,
            JsonSerializer.Deserialize<RubricScores>(j.FirstScoresJson, Json)!, JsonSerializer.Deserialize<RubricScores>(j.SecondScoresJson, Json)!,
            (PairPreference)j.Preference, j.Comment, StoredTime.Utc(j.SubmittedAtUtc))).ToList();
        var links = await db.CampaignAnswers.AsNoTracking().Where(a => a.CampaignId == id).ToListAsync(cancellationToken);
        var answerIds = links.Select(l => l.AnswerId).ToList();
        var answers = await db.Answers.AsNoTracking().Include(a => a.Citations).Where(a => answerIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var styles = links.Where(l => answers.ContainsKey(l.AnswerId))
            .ToDictionary(l => (l.QuestionOrdinal, l.VariantIndex), l => AnswerStyle.Of(AnswerStore.FromEntity(answers[l.AnswerId])));
        var checks = campaign.Questions.Where(q => q.CheckExpected is not null).ToDictionary(q => q.Ordinal, q => new CheckItem(q.Ordinal, q.CheckExpected!));
        return (await StoredCampaign.SummariseAsync(db, campaign, cancellationToken), judgements, new CampaignEvidence(styles, checks));
    }

    /// <summary>
    /// Adds a rater to a campaign that is still being generated or scored. With every rater on every item they
    /// get every item; with fewer raters per item they take a share of the others' unscored work.
    /// </summary>
    public async Task<bool> AddRaterAsync(Guid id, string rater, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        var name = rater.Trim();
        if (campaign is null || campaign.Status is CampaignStatus.Closed || StoredCampaign.Rater(campaign, name) is not null
            || name.Length is 0 or > CampaignDraft.MaxRaterLength || name.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }

        campaign.RatersJson = JsonSerializer.Serialize(StoredCampaign.Raters(campaign).Append(name).ToList(), Json);
        if (campaign.Overlap is not null)
        {
            var assignments = await db.CampaignAssignments.Where(a => a.CampaignId == id).ToListAsync(cancellationToken);
            var scored = (await db.Judgements.Where(j => j.CampaignId == id).Select(j => new { j.Item, j.Rater }).ToListAsync(cancellationToken))
                .Select(j => (j.Item, j.Rater)).ToHashSet();
            foreach (var (item, from) in CampaignAssignment.ShareWith(name, assignments.Select(a => (a.Item, a.Rater)).ToList(), scored))
            {
                assignments.First(a => a.Item == item && a.Rater == from).Rater = name;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Sets which raters are left out of the results (their judgements stay stored and exported).</summary>
    public async Task<bool> SetExcludedRatersAsync(Guid id, IReadOnlyList<string> raters, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return false;
        }

        campaign.ExcludedRatersJson = JsonSerializer.Serialize(raters.Select(r => StoredCampaign.Rater(campaign, r)).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList(), Json);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The campaign's questions in order, for exports.</summary>
    public async Task<IReadOnlyList<string>> ListQuestionsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CampaignQuestions.Where(q => q.CampaignId == id).OrderBy(q => q.Ordinal).Select(q => q.Text).ToListAsync(cancellationToken);
    }
}
