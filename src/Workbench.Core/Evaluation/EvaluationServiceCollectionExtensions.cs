using Microsoft.Extensions.Configuration;
using Workbench.Core.Evaluation.Campaigns;
using Workbench.Core.Hosting;

namespace Workbench.Core.Evaluation;

public static class EvaluationServiceCollectionExtensions
{
    /// <summary>Retrieval and answer evaluations on data sets, and blind side-by-side campaigns.</summary>
    public static IServiceCollection AddEvaluation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<EvaluationStore>();
        services.AddSingleton<RetrievalEvaluator>();
        services.AddSingleton<AnswerEvaluator>();
        services.AddValidatedOptions<CampaignOptions>(configuration, CampaignOptions.Section);
        services.AddSingleton<CampaignStore>();
        services.AddSingleton<CampaignGenerator>();
        services.AddSingleton<CampaignService>();
        return services;
    }
}
