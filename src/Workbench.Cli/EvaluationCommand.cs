using Microsoft.Extensions.DependencyInjection;
using Workbench.Core.Evaluation;
using Workbench.Core.Hosting;
using Workbench.Core.Persistence;

namespace Workbench.Cli;

/// <summary><c>eval retrieval</c>: score retrievers on a data set and keep the report.</summary>
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

    public static async Task<int> RunAsync(IServiceProvider services, CommandLine arguments, EvaluationDataset dataset)
    {
        var retrievers = arguments.Values("retriever").DefaultIfEmpty(RetrieverSpec.DefaultName).Select(RetrieverSpec.Parse).ToList();
        Console.Error.WriteLine($"{dataset.Name}: {dataset.Questions.Count} questions; retrievers {string.Join(", ", retrievers.Select(r => r.Label))}");

        var progress = new ConsoleProgress<EvaluationProgress>(p => $"{p.Stage}: {p.Done}/{p.Total}", p => p.Stage);
        var report = await services.GetRequiredService<RetrievalEvaluator>().RunAsync(dataset, retrievers, progress);
        progress.Finish();

        Console.WriteLine(EvaluationReportFiles.ToMarkdown(report));
        if (arguments.Option("json") is { } json)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(json))!);
            await File.WriteAllTextAsync(json, EvaluationReportFiles.ToJson(report));
        }

        var saved = EvaluationReportFiles.Write(report, arguments.Option("report-dir") ?? Path.Combine("artifacts", "eval"));
        await services.MigrateDatabaseAsync();
        await services.GetRequiredService<EvaluationStore>().SaveAsync(report);
        Console.Error.WriteLine($"report: {saved} (and .md); stored for the workbench's evaluation page");
        return 0;
    }

    private static string Dataset(CommandLine arguments) => CommandInputs.ExistingFolderOrFile(arguments.Required("dataset"), "--dataset");
}
