using Microsoft.Extensions.DependencyInjection;
using Workbench.Core.Answering;
using Workbench.Core.Evaluation;
using Workbench.Core.Hosting;
using Workbench.Core.Persistence;

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

    public static async Task<int> RunAsync(IServiceProvider services, CommandLine arguments)
    {
        if (arguments.Positional is ["answers"])
        {
            return await RunAnswersAsync(services, arguments);
        }

        if (arguments.Positional is not ["retrieval"])
        {
            throw new ArgumentException("""
                usage: eval retrieval --dataset DIR [--retriever KIND]... [--json FILE] [--limit N] [--split test|dev]
                       eval answers --dataset DIR [--composer NAME]... [--json FILE] [--limit N] [--split test|dev]
                """);
        }

        var dataset = EvaluationDataset.Load(Dataset(arguments), arguments.IntOption("limit"), arguments.Option("split"));
        var retrievers = arguments.Values("retriever").DefaultIfEmpty("hybrid").Select(RetrieverSpec.Parse).ToList();
        Console.Error.WriteLine($"{dataset.Name}: {dataset.Questions.Count} questions; retrievers {string.Join(", ", retrievers.Select(r => r.Label))}");

        var report = await services.GetRequiredService<RetrievalEvaluator>().RunAsync(dataset, retrievers,
            new Progress<EvaluationProgress>(p => Console.Error.Write($"\r{p.Stage}: {p.Done}/{p.Total}    ")));
        Console.Error.WriteLine();

        Console.WriteLine(EvaluationReportFiles.ToMarkdown(report));
        if (arguments.Option("json") is { } json)
        {
            await File.WriteAllTextAsync(json, EvaluationReportFiles.ToJson(report));
        }

        var saved = EvaluationReportFiles.Write(report, arguments.Option("report-dir") ?? Path.Combine("artifacts", "eval"));
        await services.MigrateDatabaseAsync();
        await services.GetRequiredService<EvaluationStore>().SaveAsync(report);
        Console.Error.WriteLine($"report: {saved} (and .md); stored for the workbench's evaluation page");
        return 0;
    }

    /// <summary>
    /// Answer quality: the baselines and the default composer in every run, the other composers when named
    /// (all when none is).
    /// </summary>
    private static async Task<int> RunAnswersAsync(IServiceProvider services, CommandLine arguments)
    {
        var dataset = EvaluationDataset.Load(Dataset(arguments), arguments.IntOption("limit"), arguments.Option("split"));
        var composers = services.GetRequiredService<AnswerComposers>();
        var named = arguments.Values("composer").Select(name => composers.Find(name)
            ?? throw new ArgumentException($"unknown composer '{name}': use {string.Join(", ", composers.All.Select(c => c.Name))}")).ToList();
        var compared = named.Count == 0
            ? composers.All
            : composers.All.Where(c => c == composers.Default || c == LeadComposer.TopPassage || c == LeadComposer.Lead3 || named.Contains(c)).ToList();
        Console.Error.WriteLine($"{dataset.Name}: {dataset.Questions.Count} questions; composers {string.Join(", ", compared.Select(c => c.Name))}");

        var report = await services.GetRequiredService<AnswerEvaluator>().RunAsync(dataset, compared,
            new Progress<EvaluationProgress>(p => Console.Error.Write($"\r{p.Stage}: {p.Done}/{p.Total}    ")));
        Console.Error.WriteLine();

        Console.WriteLine(EvaluationReportFiles.ToMarkdown(report));
        if (arguments.Option("json") is { } json)
        {
            await File.WriteAllTextAsync(json, EvaluationReportFiles.ToJson(report));
        }

        var saved = EvaluationReportFiles.Write(report, arguments.Option("report-dir") ?? Path.Combine("artifacts", "eval"));
        await services.MigrateDatabaseAsync();
        await services.GetRequiredService<EvaluationStore>().SaveAsync(report);
        Console.Error.WriteLine($"report: {saved} (and .md); stored for the workbench's evaluation page");
        return 0;
    }

    private static string Dataset(CommandLine arguments) =>
        arguments.Option("dataset") ?? throw new ArgumentException("eval needs --dataset DIR");
}
