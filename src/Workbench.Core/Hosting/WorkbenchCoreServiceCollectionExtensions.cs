using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Workbench.Core.Answering;
using Workbench.Core.Answering.Verification;
using Workbench.Core.Backup;
using Workbench.Core.Deidentification;
using Workbench.Core.Embeddings;
using Workbench.Core.Evaluation;
using Workbench.Core.Evaluation.Campaigns;
using Workbench.Core.Indexing;
using Workbench.Core.Ingestion;
using Workbench.Core.Ingestion.Uploads;
using Workbench.Core.Persistence;
using Workbench.Core.Retrieval;
using Workbench.Core.Retrieval.Qdrant;
using Workbench.Core.Security;
using Workbench.Core.Telemetry;

namespace Workbench.Core.Hosting;

public static class WorkbenchCoreServiceCollectionExtensions
{
    /// <summary>Everything the pipeline needs: options, embedding model, Qdrant, composer, database.</summary>
    public static IServiceCollection AddWorkbenchCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<EmbeddingOptions>(configuration, EmbeddingOptions.Section);
        services.AddValidatedOptions<ChunkingOptions>(configuration, ChunkingOptions.Section);
        services.AddValidatedOptions<QdrantOptions>(configuration, QdrantOptions.Section);
        services.AddValidatedOptions<AskOptions>(configuration, AskOptions.Section)
            .Validate(o => o.HasUniqueVariantNames(), "Ask:Variants: every variant needs a unique name (not the default's), a version >= 1 and a TopK of 1–50.");
        services.AddValidatedOptions<LlmOptions>(configuration, LlmOptions.Section);
        services.AddValidatedOptions<DatabaseOptions>(configuration, DatabaseOptions.Section);
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<OnnxEmbeddingGenerator>();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => sp.GetRequiredService<OnnxEmbeddingGenerator>());
        services.AddSingleton(sp => new TokenChunker(
            sp.GetRequiredService<OnnxEmbeddingGenerator>().Tokenizer, sp.GetRequiredService<IOptions<ChunkingOptions>>().Value));

        services.AddQdrantPassageIndex();
        services.AddSingleton<PassageIndexer>();
        // Relative folders are taken from the repository (or the app's folder), not from wherever the process started.
        services.AddValidatedOptions<CorpusOptions>(configuration, CorpusOptions.Section).PostConfigure(o => o.Directory = DataRoot.Resolve(o.Directory));
        services.AddSingleton<IndexStatus>();
        services.AddValidatedOptions<AdminOptions>(configuration, AdminOptions.Section).PostConfigure(o => o.UploadDirectory = DataRoot.Resolve(o.UploadDirectory));
        services.AddSingleton<IndexVersions>();
        services.AddSingleton<CorpusUploads>();
        services.AddValidatedOptions<DeidentificationOptions>(configuration, DeidentificationOptions.Section);
        services.AddSingleton<DeidentificationSettings>();
        services.AddSingleton<ReindexJobStore>();
        services.AddSingleton<ReindexCompletion>();
        services.AddSingleton<ReindexRunner>();
        services.AddSingleton<ReindexService>();
        services.AddSingleton<IndexBootstrap>();
        services.AddSingleton<IndexStatusFollower>();
        services.AddSingleton<CorpusOverviews>();

        services.AddKernel();
        services.AddSingleton(sp => new AnswerComposers(sp.GetRequiredService<IOptions<AskOptions>>().Value));
        services.AddSingleton<IChatCompletionService>(CreateChatCompletion);
        services.AddValidatedOptions<VerificationOptions>(configuration, VerificationOptions.Section);
        services.AddSingleton(sp =>
        {
            var tokenizer = sp.GetRequiredService<OnnxEmbeddingGenerator>().Tokenizer;
            return new CorpusTerms(sp.GetRequiredService<CorpusUploads>(), word => tokenizer.EncodeToIds(word, addSpecialTokens: false).Count == 1);
        });
        services.AddSingleton<CitationVerifier>();
        services.AddSingleton<AskPipeline>();

        services.AddDbContextFactory<WorkbenchDbContext>((sp, options) =>
            DatabaseProviders.Configure(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value).AddInterceptors(DatabaseErrorCounter.Instance));
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<ApiTokens>();
        services.AddSingleton<AnswerStore>();
        services.AddSingleton<AnswerService>();
        services.AddSingleton<EvaluationStore>();
        services.AddSingleton<RetrievalEvaluator>();
        services.AddSingleton<AnswerEvaluator>();

        services.AddValidatedOptions<CampaignOptions>(configuration, CampaignOptions.Section);
        services.AddSingleton<CampaignStore>();
        services.AddSingleton<CampaignGenerator>();
        services.AddSingleton<CampaignService>();

        services.AddValidatedOptions<BackupOptions>(configuration, BackupOptions.Section);
        services.AddSingleton<BackupService>();
        services.AddSingleton<BackupJobs>();
        return services;
    }

    /// <summary>
    /// Accounts (ASP.NET Core Identity's user and role stores in the application database), the password
    /// and lockout rules, API tokens and user administration. The web host adds sign-in on top.
    /// </summary>
    public static IdentityBuilder AddWorkbenchUsers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SecurityOptions>(configuration, SecurityOptions.Section);
        services.AddSingleton<UserAdministration>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<SecurityOptions>>((identity, security) =>
        {
            identity.Password.RequiredLength = security.Value.MinPasswordLength;
            identity.Lockout.MaxFailedAccessAttempts = security.Value.MaxFailedSignIns;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.Value.LockoutMinutes);
            identity.Lockout.AllowedForNewUsers = true;
            identity.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._@+-";
        });
        return services.AddIdentityCore<IdentityUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<WorkbenchDbContext>();
    }

    /// <summary>The local Qdrant process (when enabled), reindex jobs (first-run indexing included) and campaign generation.</summary>
    public static IServiceCollection AddWorkbenchHostedServices(this IServiceCollection services, IConfiguration configuration)
    {
        // Registered first so Qdrant is up before anything that needs it starts.
        services.AddSingleton<EmbeddedQdrantService>();
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedQdrantService>());
        services.AddValidatedOptions<ScaleOutOptions>(configuration, ScaleOutOptions.Section);
        services.AddSingleton<BackgroundLeadership>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundLeadership>());
        services.AddHostedService<ReindexHostedService>();
        services.AddHostedService<CampaignGenerationService>();
        return services;
    }

    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class =>
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();

    /// <summary>Creates the database file's folder (SQLite) and applies pending migrations.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var folder = DatabaseProviders.LocalFolder(services.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging (kept in the file): readers never wait for a writer, and each commit costs less.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    private static IChatCompletionService CreateChatCompletion(IServiceProvider services)
    {
        var llm = services.GetRequiredService<IOptions<LlmOptions>>().Value;
        if (!llm.Enabled)
        {
            return new ExtractiveChatCompletionService(services.GetRequiredService<AnswerComposers>().Default);
        }

        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(llm.TimeoutSeconds) };
        var kernel = Kernel.CreateBuilder()
            // Local servers (Ollama, vLLM, LM Studio) need no key, but the OpenAI client insists on one.
            .AddOpenAIChatCompletion(llm.Model!, new Uri(llm.Endpoint!), string.IsNullOrEmpty(llm.ApiKey) ? "unused" : llm.ApiKey, httpClient: http)
            .Build();
        return kernel.GetRequiredService<IChatCompletionService>();
    }
}
