using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Workbench.Cli;
using Workbench.Core.Answering;
using Workbench.Core.Backup;
using Workbench.Core.Domain;
using Workbench.Core.Embeddings;
using Workbench.Core.Hosting;
using Workbench.Core.Indexing;
using Workbench.Core.Ingestion;
using Workbench.Core.Persistence;
using Workbench.Core.Security;

// workbench <command>: admin and scripting entry points over the same pipeline the web app uses.
var arguments = CommandLine.Parse(args);
if (arguments.Command is null or "help" or "--help")
{
    Console.WriteLine(CommandLine.Usage);
    return arguments.Command is null ? 2 : 0;
}

// appsettings.json comes from beside the executable; relative data paths are taken from the working directory.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = arguments.ConfigurationArgs, ContentRootPath = AppContext.BaseDirectory });
if (arguments.Command == "eval")
{
    // An evaluation indexes its data set into a collection of its own, never into the served one.
    builder.Configuration.AddInMemoryCollection(EvaluationCommand.Configuration(arguments));
    builder.Configuration.AddCommandLine(arguments.ConfigurationArgs);
}

builder.Services.AddWorkbenchCore(builder.Configuration);
builder.Services.AddSingleton<EmbeddedQdrantService>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<EmbeddedQdrantService>());
using var host = builder.Build();

try
{
    switch (arguments.Command)
    {
        case "setup":
            var model = host.Services.GetRequiredService<IOptions<EmbeddingOptions>>().Value.ModelDirectory;
            EmbeddingModelFiles.EnsureExtracted(model);
            Console.WriteLine($"embedding model ready in {Path.GetFullPath(model)}");
            return 0;

        case "index":
            await host.StartAsync();
            var source = DocumentSources.ForDirectory(arguments.Option("source") ?? host.Services.GetRequiredService<IOptions<CorpusOptions>>().Value.Directory);
            var report = await host.Services.GetRequiredService<PassageIndexer>().IndexAsync(source, new Progress<IndexingProgress>(p =>
                Console.Error.Write($"\r{p.DocumentsDone}/{p.DocumentsTotal} documents, {p.PassagesDone} passages")));
            Console.Error.WriteLine();
            foreach (var problem in report.Problems)
            {
                Console.WriteLine($"skipped {problem.Source}: {problem.Message}");
            }

            Console.WriteLine($"{report.Documents} documents, {report.Passages} passages ({report.Embedded} embedded, {report.Unchanged} unchanged), {report.Problems.Count} skipped, {report.Elapsed.TotalSeconds:F1} s");
            await host.StopAsync();
            return report.Problems.Count == 0 ? 0 : 1;

        case "reindex":
            // The same blue/green job the admin page runs, recorded in the same job history.
            await host.StartAsync();
            await host.Services.MigrateDatabaseAsync();
            var reindex = host.Services.GetRequiredService<ReindexService>();
            var started = await reindex.StartAsync(arguments.Flag("changed") ? ReindexMode.Changed : ReindexMode.Full, Actor.CommandLine);
            if (started.Conflict is not null || !reindex.Pending.TryRead(out var jobId))
            {
                Console.Error.WriteLine($"error: {started.Conflict}");
                return 1;
            }

            reindex.Changed += () =>
            {
                if (reindex.Current is { } p)
                {
                    Console.Error.Write($"\r{p.DocumentsDone}/{p.DocumentsTotal} documents, {p.PassagesDone} passages, {p.PassagesPerSecond:F0} passages/s   ");
                }
            };
            await reindex.RunAsync(jobId, CancellationToken.None);
            var finished = (await reindex.GetAsync(jobId))!;
            Console.Error.WriteLine();
            Console.WriteLine($"{finished.Status}: {finished.Message}");
            finished.Errors.ToList().ForEach(e => Console.WriteLine($"skipped {e}"));
            await host.StopAsync();
            return finished.Status == ReindexStatus.Succeeded ? 0 : 1;

        case "ask":
            await host.StartAsync();
            var question = string.Join(' ', arguments.Positional);
            var result = await host.Services.GetRequiredService<AskPipeline>().AskAsync(new AskRequest(question, arguments.IntOption("top-k")));
            Console.WriteLine(arguments.Flag("json") ? JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }) : AnswerPrinter.Format(result));
            await host.StopAsync();
            return 0;

        case "token":
            // For scripts and load tests on the same database: a token for an existing user, shown once.
            await host.Services.MigrateDatabaseAsync();
            var created = await host.Services.GetRequiredService<ApiTokens>().CreateForUserNameAsync(
                arguments.Option("user") ?? throw new ArgumentException("token needs --user NAME"), arguments.Option("name") ?? "command line",
                arguments.IntOption("days") is { } days ? TimeSpan.FromDays(days) : null, Actor.CommandLine);
            Console.WriteLine(created.Secret);
            return 0;

        case "backup":
            await host.StartAsync();
            var backupFolder = Path.GetFullPath(arguments.Option("to") ?? throw new ArgumentException("backup needs --to DIR (a new or empty folder)"));
            var manifest = await host.Services.GetRequiredService<BackupService>().BackupAsync(backupFolder, Actor.CommandLine);
            Console.WriteLine($"backed up to {backupFolder}: {BackupService.Describe(manifest)}");
            if (!manifest.Database.Included)
            {
                Console.Error.WriteLine($"warning: {BackupService.PgDumpRoute}");
            }

            await host.StopAsync();
            return 0;

        case "restore":
            await host.StartAsync();
            var restoreFolder = Path.GetFullPath(arguments.Option("from") ?? throw new ArgumentException("restore needs --from DIR (a folder written by backup)"));
            var restored = await host.Services.GetRequiredService<BackupService>().RestoreAsync(restoreFolder, arguments.Flag("force"), Actor.CommandLine);
            Console.WriteLine($"restored the backup of {restored.Manifest.Created:u} from {restoreFolder}: {BackupService.Describe(restored.Manifest)}"
                + (restored.Collection is { } collection ? $"; serving {collection}" : string.Empty));
            restored.Notes.ToList().ForEach(note => Console.Error.WriteLine($"note: {note}"));
            await host.StopAsync();
            return 0;

        case "bench":
            await host.StartAsync();
            var benchExit = await BenchCommand.RunAsync(host.Services, arguments);
            await host.StopAsync();
            return benchExit;

        case "eval":
            await host.StartAsync();
            var exitCode = await EvaluationCommand.RunAsync(host.Services, arguments);
            await host.StopAsync();
            return exitCode;

        default:
            Console.Error.WriteLine($"unknown command '{arguments.Command}'\n{CommandLine.Usage}");
            return 2;
    }
}
catch (Exception ex) when (ex is BackupException or InvalidQuestionException or RetrievalUnavailableException or FileNotFoundException or OptionsValidationException or FormatException or ArgumentException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}
