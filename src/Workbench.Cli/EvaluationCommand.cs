using Microsoft.Extensions.DependencyInjection;
using Workbench.Core.Answering;
using Workbench.Core.Evaluation;
using Workbench.Core.Hosting;

namespace Workbench.Cli;

/// <summary><c>eval retrieval</c> and <c>eval answers</c>: score retrievers or composers on a data set and keep the report.</summary>
public static class EvaluationCommand
{
    public static Dictionary<string, string?> Configuration(CommandLine arguments)
    {
        var dataset = Path.GetFileName(Path.GetFullPath(Dataset(arguments)).TrimEnd(Path.DirectorySeparatorChar)).ToLowerInvariant();
        return new Dictionary<string, string?>
        {
            ["Qdrant:Collection"] = "eval-" + new string(dataset.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()),
            ["Ask:MaxTopK"] = RetrievalEvaluator.CandidatePassages.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Read before Qdrant or the model are started, so a wrong folder or format fails at once.</summary>
    public static EvaluationDataset LoadDataset(CommandLine arguments) =>
        EvaluationDataset.Load(Dataset(arguments), arguments.IntOption("limit"), arguments.Option("split"));

    public static async Task<int> RunAsync(IServiceProvider services, CommandLine arguments, EvaluationDataset dataset) =>
        arguments.Command?.Name == "eval answers" ? await RunAnswersAsync(services, arguments, dataset) : await RunRetrievalAsync(services, arguments, dataset);

    private static async Task<int> RunRetrievalAsync(IServiceProvider services, CommandLine arguments, EvaluationDataset dataset)
    {
        var retrievers = arguments.Values("retriever").DefaultIfEmpty(RetrieverSpec.DefaultName).Select(RetrieverSpec.Parse).ToList();
        Console.Error.WriteLine($"{dataset.Name}: {dataset.Questions.Count} questions; retrievers {string.Join(", ", retrievers.Select(r => r.Label))}");

        var progress = new ConsoleProgress<EvaluationProgress>(p => $"{p.Stage}: {p.Done}/{p.Total}", p => p.Stage);
        var report = await services.GetRequiredService<RetrievalEvaluator>().RunAsync(dataset, retrievers, progress);
        progress.Finish();

        return await KeepAsync(services, arguments, EvaluationReportFiles.ToMarkdown(report), EvaluationReportFiles.ToJson(report),
            directory => EvaluationReportFiles.Write(report, directory), store => store.SaveAsync(report));
    }

    /// <summary>
    /// Answer quality: the baselines and the default composer in every run, the other composers when named
    /// (all when none is).
    /// </summary>
    private static async Task<int> RunAnswersAsync(IServiceProvider services, CommandLine arguments, EvaluationDataset dataset)
    {
        var composers = services.GetRequiredService<AnswerComposers>();
        var named = arguments.Values("composer").Select(name => composers.Find(name)
            ?? throw new UsageException($"unknown composer '{name}': use {string.Join(", ", composers.All.Select(c => c.Name))}")).ToList();
        var compared = named.Count == 0
            ? composers.All
            : composers.All.Where(c => c == composers.Default || c == LeadComposer.TopPassage || c == LeadComposer.Lead3 || named.Contains(c)).ToList();
        Console.Error.WriteLine($"{dataset.Name}: {dataset.Questions.Count} questions; composers {string.Join(", ", compared.Select(c => c.Name))}");

        var progress = new ConsoleProgress<EvaluationProgress>(p => $"{p.Stage}: {p.Done}/{p.Total}", p => p.Stage);
        var report = await services.GetRequiredService<AnswerEvaluator>().RunAsync(dataset, compared, progress);
        progress.Finish();

        return await KeepAsync(services, arguments, EvaluationReportFiles.ToMarkdown(report), EvaluationReportFiles.ToJson(report),
            directory => EvaluationReportFiles.Write(report, directory), store => store.SaveAsync(report));
    }

    /// <summary>Prints a report, writes it where asked and under the report folder, and stores it for the evaluation page.</summary>
    private static async Task<int> KeepAsync(
        IServiceProvider services, CommandLine arguments, string markdown, string json, Func<string, string> writeFiles, Func<EvaluationStore, Task> store)
    {
        Console.WriteLine(markdown);
        if (arguments.Option("json") is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, json);
        }

        var saved = writeFiles(arguments.Option("report-dir") ?? Path.Combine("artifacts", "eval"));
        await services.MigrateDatabaseAsync();
        await store(services.GetRequiredService<EvaluationStore>());
        Console.Error.WriteLine($"report: {saved} (and .md); stored for the workbench's evaluation page");
        return 0;
    }

    private static string Dataset(CommandLine arguments) => CommandInputs.ExistingFolderOrFile(arguments.Required("dataset"), "--dataset");
}
