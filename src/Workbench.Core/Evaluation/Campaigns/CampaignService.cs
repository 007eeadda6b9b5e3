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

        var id = await store.CreateAsync(draft, cancellationToken);
        await audit.RecordAsync(actor, AuditActions.CampaignCreated, id.ToString(),
            $"{draft.Name}: {draft.Questions.Count} questions; configurations {string.Join(", ", variants.Select(v => v.Name))}; raters {string.Join(", ", draft.Raters)}", cancellationToken);
        generator.Enqueue(id);
        return new CampaignCreation(id, errors, []);
    }

    /// <summary>Restarts generation of a failed campaign from the answers it already has.</summary>
    public async Task<bool> RetryAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        if (await store.GetAsync(id, cancellationToken) is not { Status: CampaignStatus.Failed })
        {
            return false;
        }

        await store.SetStatusAsync(id, CampaignStatus.Generating, cancellationToken: cancellationToken);
        await audit.RecordAsync(actor, AuditActions.CampaignRetried, id.ToString(), cancellationToken: cancellationToken);
        generator.Enqueue(id);
        return true;
    }

    /// <summary>Ends scoring and reveals the configurations. Only an open campaign can be closed.</summary>
    public async Task<bool> CloseAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        if (await store.GetAsync(id, cancellationToken) is not { Status: CampaignStatus.Open })
        {
            return false;
        }

        await store.SetStatusAsync(id, CampaignStatus.Closed, cancellationToken: cancellationToken);
        await audit.RecordAsync(actor, AuditActions.CampaignClosed, id.ToString(), cancellationToken: cancellationToken);
        return true;
    }

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
