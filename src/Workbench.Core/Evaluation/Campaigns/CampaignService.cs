using Workbench.Core.Answering;
using Workbench.Core.Security;

namespace Workbench.Core.Evaluation.Campaigns;

/// <summary>An evaluator's request to create a campaign, before the question set is parsed.</summary>
public sealed record CampaignRequest(
    string Name,
    IReadOnlyList<string> Configurations,
    IReadOnlyList<string> Raters,
    string Questions,
    QuestionSetFormat Format,
    int? Overlap = null,
    IReadOnlyList<CheckItem>? Checks = null,
    string? Guidelines = null);

public sealed record CampaignCreation(Guid? Id, IReadOnlyDictionary<string, string> Errors, IReadOnlyList<QuestionSetError> QuestionErrors)
{
    public bool Succeeded => Id is not null;
}

/// <summary>What the campaign pages and the API do: create, retry, close, and compute results.</summary>
public sealed class CampaignService(CampaignStore store, CampaignGenerator generator, AuditTrail audit, IOptions<AskOptions> ask, IOptions<CampaignOptions> options)
{
    public IReadOnlyList<Domain.PipelineVariant> Configurations => ask.Value.AllVariants;

    public async Task<CampaignCreation> CreateAsync(CampaignRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        var parsed = QuestionSetParser.Parse(request.Questions, request.Format, options.Value.MaxQuestions, ask.Value.MaxQuestionLength);
        var unknown = request.Configurations.Where(c => Configurations.All(v => !string.Equals(v.Name, c, StringComparison.OrdinalIgnoreCase))).ToList();
        var variants = Configurations.Where(v => request.Configurations.Contains(v.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        var draft = new CampaignDraft(request.Name, variants, request.Raters, parsed.Questions, request.Overlap, request.Checks, request.Guidelines);
        var errors = draft.Validate().ToDictionary();
        if (unknown.Count > 0)
        {
            errors["variants"] = $"Unknown configuration(s): {string.Join(", ", unknown)}.";
        }

        if (!parsed.Succeeded)
        {
            errors["questions"] = $"The question set has {parsed.Errors.Count} problem(s); nothing was imported.";
        }

        if (errors.Count > 0)
        {
            return new CampaignCreation(null, errors, parsed.Errors);
        }

        var id = await store.CreateAsync(draft, actor.UserId, cancellationToken);
        await audit.RecordAsync(actor, AuditActions.CampaignCreated, id.ToString(),
            $"{draft.Name}: {draft.Questions.Count} questions ({draft.Checks?.Count ?? 0} checks); configurations {string.Join(", ", variants.Select(v => v.Name))}; raters {string.Join(", ", draft.Raters)}; {draft.Overlap?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all"} per item", cancellationToken);
        generator.Enqueue(id);
        return new CampaignCreation(id, errors, []);
    }

    /// <summary>Restarts generation of a failed campaign from the answers it already has.</summary>
    public async Task<CampaignChange> RetryAsync(Guid id, Actor actor, bool actorIsAdmin, CancellationToken cancellationToken = default)
    {
        var change = await MoveAsync(id, CampaignStatus.Failed, CampaignStatus.Generating, AuditActions.CampaignRetried, actor, actorIsAdmin, cancellationToken);
        if (change == CampaignChange.Done)
        {
            generator.Enqueue(id);
        }

        return change;
    }

    /// <summary>Ends scoring and reveals the configurations. Only an open campaign can be closed.</summary>
    public Task<CampaignChange> CloseAsync(Guid id, Actor actor, bool actorIsAdmin, CancellationToken cancellationToken = default) =>
        MoveAsync(id, CampaignStatus.Open, CampaignStatus.Closed, AuditActions.CampaignClosed, actor, actorIsAdmin, cancellationToken);

    /// <summary>Moves a campaign the actor may change from one status to the next, with its audit entry.</summary>
    private async Task<CampaignChange> MoveAsync(
        Guid id, CampaignStatus from, CampaignStatus to, string auditAction, Actor actor, bool actorIsAdmin, CancellationToken cancellationToken)
    {
        var allowed = await CheckAsync(id, from, actor, actorIsAdmin, cancellationToken);
        if (allowed != CampaignChange.Done)
        {
            return allowed;
        }

        await store.SetStatusAsync(id, to, cancellationToken: cancellationToken);
        await audit.RecordAsync(actor, auditAction, id.ToString(), cancellationToken: cancellationToken);
        return CampaignChange.Done;
    }

    /// <summary>Whether the actor may change the campaign: it exists (in the <paramref name="needed"/> state, if given) and they own it or are an admin.</summary>
    private async Task<CampaignChange> CheckAsync(Guid id, CampaignStatus? needed, Actor actor, bool actorIsAdmin, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) switch
        {
            { } campaign when needed is not null && campaign.Status != needed => CampaignChange.NotInState,
            { } campaign when !campaign.CanBeManagedBy(actor.UserId, actorIsAdmin) => CampaignChange.NotAllowed,
            { } => CampaignChange.Done,
            null => CampaignChange.NotInState,
        };

    /// <summary>
    /// Adds a rater to a campaign not yet closed (its owner or an admin); with an overlap they take a share of the
    /// unscored work. <see cref="CampaignChange.NotInState"/>: no such campaign, closed, or the name is taken or invalid.
    /// </summary>
    public async Task<CampaignChange> AddRaterAsync(Guid id, string rater, Actor actor, bool actorIsAdmin, CancellationToken cancellationToken = default)
    {
        var allowed = await CheckAsync(id, null, actor, actorIsAdmin, cancellationToken);
        if (allowed != CampaignChange.Done || !await store.AddRaterAsync(id, rater, cancellationToken))
        {
            return allowed == CampaignChange.Done ? CampaignChange.NotInState : allowed;
        }

        await audit.RecordAsync(actor, AuditActions.CampaignRaterAdded, id.ToString(), rater.Trim(), cancellationToken);
        return CampaignChange.Done;
    }

    /// <summary>
    /// Leaves the given raters out of the results (both versions are shown); an empty list brings everyone back.
    /// Like the quality panel that prompts it, this is for the campaign's owner and admins.
    /// </summary>
    public async Task<CampaignChange> ExcludeRatersAsync(Guid id, IReadOnlyList<string> raters, Actor actor, bool actorIsAdmin, CancellationToken cancellationToken = default)
    {
        var allowed = await CheckAsync(id, null, actor, actorIsAdmin, cancellationToken);
        if (allowed != CampaignChange.Done || !await store.SetExcludedRatersAsync(id, raters, cancellationToken))
        {
            return allowed == CampaignChange.Done ? CampaignChange.NotInState : allowed;
        }

        await audit.RecordAsync(actor, AuditActions.CampaignRatersExcluded, id.ToString(), string.Join(", ", raters), cancellationToken);
        return CampaignChange.Done;
    }

    /// <summary>
    /// The results of a closed campaign, with what the exports need; null while it is not closed. When raters
    /// are excluded, <see cref="CampaignOutcome.Results"/> leaves them out and <see cref="CampaignOutcome.WithEveryone"/> keeps them.
    /// </summary>
    public async Task<CampaignOutcome?> GetResultsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await store.GetJudgementsAsync(id, cancellationToken) is not { } closed)
        {
            return null;
        }

        var names = closed.Campaign.Variants.Select(v => v.ToString()).ToList();
        CampaignResultsReport Compute(IReadOnlyList<Judgement> judgements) => CampaignResults.Compute(names, judgements, options.Value.BootstrapResamples, closed.Evidence);
        var excluded = closed.Campaign.ExcludedRaters.ToHashSet(StringComparer.Ordinal);
        var everyone = Compute(closed.Judgements);
        var results = excluded.Count == 0 ? everyone : Compute(closed.Judgements.Where(j => !excluded.Contains(j.Rater)).ToList());
        return new CampaignOutcome(closed.Campaign, await store.ListQuestionsAsync(id, cancellationToken), results, excluded.Count == 0 ? null : everyone, closed.Judgements, closed.Evidence);
    }
}

public sealed record CampaignOutcome(
    CampaignSummary Campaign,
    IReadOnlyList<string> Questions,
    CampaignResultsReport Results,
    CampaignResultsReport? WithEveryone,
    IReadOnlyList<Judgement> Judgements,
    CampaignEvidence Evidence)
{
    /// <summary>The quality panel covers every rater, excluded or not, so the owner can bring one back.</summary>
    public IReadOnlyList<RaterQuality> Quality => (WithEveryone ?? Results).Quality;

    /// <summary>
    /// The outcome as the given user may see it: whole for those <see cref="CampaignSummary.ShowsQualityTo"/>;
    /// for everyone else without the quality panel, the check items or the judgements made on them, so
    /// nothing marks which items were checks or how any rater did on them.
    /// </summary>
    public CampaignOutcome For(string? userId, string? userName, bool isAdmin)
    {
        if (Campaign.ShowsQualityTo(userId, userName, isAdmin))
        {
            return this;
        }

        var pairs = CampaignSummary.PairCount(Campaign.Variants.Count);
        return this with
        {
            Results = Results with { Quality = [] },
            WithEveryone = WithEveryone is null ? null : WithEveryone with { Quality = [] },
            Judgements = Judgements.Where(j => !Evidence.Checks.ContainsKey(j.Item / pairs)).ToList(),
            Evidence = Evidence with { Checks = new Dictionary<int, CheckItem>() },
        };
    }

    public string Json => CampaignExport.ToJson(this);

    public string JudgementsCsv => CampaignExport.JudgementsCsv(this);

    public string ResultsCsv => CampaignExport.ResultsCsv(Results);
}
