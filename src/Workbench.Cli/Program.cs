using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workbench.Cli;
using Workbench.Core.Answering;
using Workbench.Core.Backup;
using Workbench.Core.Domain;
using Workbench.Core.Embeddings;
using Workbench.Core.Hosting;
using Workbench.Core.Indexing;
using Workbench.Core.Ingestion;
using Workbench.Core.Retrieval;
using Workbench.Core.Security;

// workbench <command>: admin and scripting entry points over the same pipeline the web app uses.
// Every failure ends in one sentence on standard error and a non-zero exit code; --verbose adds the stack trace.
var verbose = CommandLine.WantsVerbose(args);
try
{
    var arguments = CommandLine.Parse(args);
    if (arguments.HelpRequested)
    {
        Console.WriteLine(arguments.Command?.Help ?? CommandCatalog.Usage);
        return args.Length == 0 ? CommandErrors.Usage : 0;
    }

    return await RunAsync(arguments.Command!, arguments);
}
catch (Exception ex)
{
    var (message, exitCode) = CommandErrors.Describe(ex);
    Console.Error.WriteLine($"error: {message}");
    if (verbose)
    {
        Console.Error.WriteLine(ex);
    }

    return exitCode;
}

static async Task<int> RunAsync(CommandSpec command, CommandLine arguments)
{
    // appsettings.json comes from beside the executable; relative data paths are taken from the working directory.
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = arguments.ConfigurationArgs, ContentRootPath = AppContext.BaseDirectory });
    var dataset = command.Name is "eval retrieval" or "eval answers" ? EvaluationCommand.LoadDataset(arguments) : null;
    if (dataset is not null)
    {
        // An evaluation indexes its data set into a collection of its own, never into the served one.
        builder.Configuration.AddInMemoryCollection(EvaluationCommand.Configuration(arguments));
    }

    builder.Configuration.AddInMemoryCollection(await CommandEnvironment.PrepareAsync(command, builder.Configuration, Console.Error));
    builder.Configuration.AddCommandLine(arguments.ConfigurationArgs);
    // Standard output carries what the command produces (an answer, JSON, a report); log lines go beside the progress on standard error.
    // A failing database command is reported once, as the command's error sentence, not also by EF Core's log (unless --verbose).
    builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
    if (CommandLine.WantsVerbose(Environment.GetCommandLineArgs()))
    {
        builder.Logging.SetMinimumLevel(LogLevel.Information).AddFilter("Workbench", LogLevel.Information).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
    }

    builder.Services.AddWorkbenchCore(builder.Configuration);
    builder.Services.AddWorkbenchTelemetry(builder.Configuration);
    builder.Services.AddSingleton<EmbeddedQdrantService>();
    builder.Services.AddHostedService(sp => sp.GetRequiredService<EmbeddedQdrantService>());
    using var host = builder.Build();
    if (command.Needs != CommandNeeds.None)
    {
        await host.StartAsync();
    }

    try
    {
        return dataset is not null
            ? await EvaluationCommand.RunAsync(host.Services, arguments, dataset)
            : await RunCommandAsync(command, arguments, host.Services);
    }
    finally
    {
        // Stops the Qdrant this command started, also when the command failed.
        await host.StopAsync();
    }
}

static async Task<int> RunCommandAsync(CommandSpec command, CommandLine arguments, IServiceProvider services)
{
    switch (command.Name)
    {
        case "setup":
            var model = services.GetRequiredService<IOptions<EmbeddingOptions>>().Value.ModelDirectory;
            EmbeddingModelFiles.EnsureExtracted(model);
            Console.WriteLine($"embedding model ready in {Path.GetFullPath(model)}");
            return 0;

        case "index":
            var source = DocumentSources.ForDirectory(CommandInputs.ExistingFolder(arguments.Option("source") ?? services.GetRequiredService<IOptions<CorpusOptions>>().Value.Directory, "--source"));
            var indexing = new ConsoleProgress<IndexingProgress>(p => $"{p.DocumentsDone}/{p.DocumentsTotal} documents, {p.PassagesDone} passages");
            var report = await services.GetRequiredService<PassageIndexer>().IndexAsync(source, indexing);
            indexing.Finish();
            foreach (var problem in report.Problems)
            {
                Console.WriteLine($"skipped {problem.Source}: {problem.Message}");
            }

            Console.WriteLine($"{report.Documents} documents, {report.Passages} passages ({report.Embedded} embedded, {report.Unchanged} unchanged), {report.Problems.Count} skipped, {report.Elapsed.TotalSeconds:F1} s");
            return report.Problems.Count == 0 ? 0 : 1;

        case "reindex":
            return await ReindexAsync(services, arguments.Flag("changed") ? ReindexMode.Changed : ReindexMode.Full, Console.Out);

        case "ask":
            var question = string.Join(' ', arguments.Positional);
            if (services.GetRequiredService<IOptions<CorpusOptions>>().Value.IndexOnStartWhenEmpty
                && (await services.GetRequiredService<IndexVersions>().LiveAsync() is null || await services.GetRequiredService<IPassageIndex>().CountAsync() == 0))
            {
                // As the web app does on its first run, so that a fresh clone answers without a separate step.
                Console.Error.WriteLine("nothing is indexed yet: indexing the bundled corpus first");
                if (await ReindexAsync(services, ReindexMode.Full, Console.Error) != 0)
                {
                    return 1;
                }
            }

            var result = await services.GetRequiredService<AskPipeline>().AskAsync(new AskRequest(question, arguments.IntOption("top-k")));
            Console.WriteLine(arguments.Flag("json") ? JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }) : AnswerPrinter.Format(result));
            return 0;

        case "token":
            // For scripts and load tests on the same database: a token for an existing user, shown once.
            await services.MigrateDatabaseAsync();
            var created = await services.GetRequiredService<ApiTokens>().CreateForUserNameAsync(
                arguments.Required("user"), arguments.Option("name") ?? "command line",
                arguments.IntOption("days") is { } days ? TimeSpan.FromDays(days) : null, Actor.CommandLine);
            Console.WriteLine(created.Secret);
            return 0;

        case "backup":
            var backupFolder = Path.GetFullPath(arguments.Required("to"));
            var manifest = await services.GetRequiredService<BackupService>().BackupAsync(backupFolder, Actor.CommandLine);
            Console.WriteLine($"backed up to {backupFolder}: {BackupService.Describe(manifest)}");
            if (!manifest.Database.Included)
            {
                Console.Error.WriteLine($"warning: {BackupService.PgDumpRoute}");
            }

            return 0;

        case "restore":
            var restoreFolder = Path.GetFullPath(arguments.Required("from"));
            var restored = await services.GetRequiredService<BackupService>().RestoreAsync(restoreFolder, arguments.Flag("force"), Actor.CommandLine);
            Console.WriteLine($"restored the backup of {restored.Manifest.Created:u} from {restoreFolder}: {BackupService.Describe(restored.Manifest)}"
                + (restored.Collection is { } collection ? $"; serving {collection}" : string.Empty));
            restored.Notes.ToList().ForEach(note => Console.Error.WriteLine($"note: {note}"));
            return 0;

        default:
            return await BenchCommand.RunAsync(services, command, arguments);
    }
}

// The same blue/green job the admin page runs, recorded in the same job history.
static async Task<int> ReindexAsync(IServiceProvider services, ReindexMode mode, TextWriter output)
{
    await services.MigrateDatabaseAsync();
    var reindex = services.GetRequiredService<ReindexService>();
    var progress = new ConsoleProgress<ReindexProgress>(p => $"{p.DocumentsDone}/{p.DocumentsTotal} documents, {p.PassagesDone} passages, {p.PassagesPerSecond:F0} passages/s");
    reindex.Changed += () =>
    {
        if (reindex.Current is { } p)
        {
            progress.Report(p);
        }
    };
    var result = await reindex.RunToEndAsync(mode, Actor.CommandLine);
    if (result.Conflict is not null || result.Job is not { } finished)
    {
        throw new CommandFailure($"The reindex did not start: {result.Conflict}");
    }

    progress.Finish();
    output.WriteLine($"{finished.Status}: {finished.Message}");
    finished.Errors.ToList().ForEach(e => output.WriteLine($"skipped {e}"));
    return finished.Status == ReindexStatus.Succeeded ? 0 : 1;
}
