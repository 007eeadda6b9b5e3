using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Workbench.Core.Answering;
using Workbench.Core.Domain;
using Workbench.Core.Persistence;
using Workbench.Core.Security;

namespace Workbench.Core.Evaluation.Campaigns;

public sealed class CampaignOptions
{
    public const string Section = "Campaigns";

    [Range(1, 10_000)]
    public int MaxQuestions { get; set; } = 1000;

    /// <summary>Bootstrap resamples behind the Bradley–Terry intervals.</summary>
    [Range(100, 100_000)]
    public int BootstrapResamples { get; set; } = 1000;
}

/// <summary>An evaluator's request to create a campaign, before the question set is parsed.</summary>
public sealed record CampaignRequest(string Name, IReadOnlyList<string> Configurations, IReadOnlyList<string> Raters, string Questions, QuestionSetFormat Format);

/// <summary>What became of a request to close or retry a campaign.</summary>
public enum CampaignChange
{
    Done,

    /// <summary>No such campaign, or not in the state the change needs (open to close, failed to retry).</summary>
    NotInState,

    /// <summary>The caller neither owns the campaign nor is an admin.</summary>
    NotAllowed,
}

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
        var draft = new CampaignDraft(request.Name, variants, request.Raters, parsed.Questions);
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
            $"{draft.Name}: {draft.Questions.Count} questions; configurations {string.Join(", ", variants.Select(v => v.Name))}; raters {string.Join(", ", draft.Raters)}", cancellationToken);
        generator.Enqueue(id);
        return new CampaignCreation(id, errors, []);
    }

    /// <summary>Restarts generation of a failed campaign from the answers it already has.</summary>
    public async Task<CampaignChange> RetryAsync(Guid id, Actor actor, bool actorIsAdmin, CancellationToken cancellationToken = default)
    {
        var allowed = await CheckAsync(id, CampaignStatus.Failed, actor, actorIsAdmin, cancellationToken);
        if (allowed != CampaignChange.Done)
        {
            return allowed;
        }

        await store.SetStatusAsync(id, CampaignStatus.Generating, cancellationToken: cancellationToken);
        await audit.RecordAsync(actor, AuditActions.CampaignRetried, id.ToString(), cancellationToken: cancellationToken);
        generator.Enqueue(id);
        return CampaignChange.Done;
    }

    /// <summary>Ends scoring and reveals the configurations. Only an open campaign can be closed.</summary>
    public async Task<CampaignChange> CloseAsync(Guid id, Actor actor, bool actorIsAdmin, CancellationToken cancellationToken = default)
    {
        var allowed = await CheckAsync(id, CampaignStatus.Open, actor, actorIsAdmin, cancellationToken);
        if (allowed != CampaignChange.Done)
        {
            return allowed;
        }

        await store.SetStatusAsync(id, CampaignStatus.Closed, cancellationToken: cancellationToken);
        await audit.RecordAsync(actor, AuditActions.CampaignClosed, id.ToString(), cancellationToken: cancellationToken);
        return CampaignChange.Done;
    }

    private async Task<CampaignChange> CheckAsync(Guid id, CampaignStatus needed, Actor actor, bool actorIsAdmin, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) switch
        {
            { } campaign when campaign.Status != needed => CampaignChange.NotInState,
            { } campaign when !campaign.CanBeManagedBy(actor.UserId, actorIsAdmin) => CampaignChange.NotAllowed,
            { } => CampaignChange.Done,
            null => CampaignChange.NotInState,
        };

    /// <summary>The results of a closed campaign, with what the exports need; null while it is not closed.</summary>
    public async Task<CampaignOutcome?> GetResultsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await store.GetJudgementsAsync(id, cancellationToken) is not { } closed)
        {
            return null;
        }

        var names = closed.Campaign.Variants.Select(v => v.ToString()).ToList();
        var results = CampaignResults.Compute(names, closed.Judgements, options.Value.BootstrapResamples);
        return new CampaignOutcome(closed.Campaign, await store.ListQuestionsAsync(id, cancellationToken), results, closed.Judgements);
    }
}

public sealed record CampaignOutcome(CampaignSummary Campaign, IReadOnlyList<string> Questions, CampaignResultsReport Results, IReadOnlyList<Judgement> Judgements)
{
    public string Json => CampaignExport.ToJson(Campaign, Questions, Results, Judgements);

    public string JudgementsCsv => CampaignExport.JudgementsCsv(Campaign, Questions, Judgements);

    public string ResultsCsv => CampaignExport.ResultsCsv(Results);
}
