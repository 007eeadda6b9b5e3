using System.Diagnostics;
using Workbench.Core.Retrieval;

namespace Workbench.IntegrationTests.CommandLine;

/// <summary>
/// The README's <c>ask</c> and evaluation commands, run exactly as written there from the repository root after setup, with no
/// Qdrant running beforehand: the command starts the local one, does its work and stops it again.
/// </summary>
public sealed class ReadmeCommandTests : IDisposable
{
    private const string Prefix = "dotnet run --project src/Workbench.Cli -- ";
    private readonly TempFolder folder = new("workbench-qdrant-cli-");

    public void Dispose() => folder.Dispose();

    /// <summary>Ports nothing listens on and storage of the test's own, so no Qdrant answers until the command starts one.</summary>
    private Dictionary<string, string> FreshMachine() => new()
    {
        ["Qdrant__HttpPort"] = LocalQdrantServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Qdrant__GrpcPort"] = LocalQdrantServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Qdrant__Embedded__StoragePath"] = Path.Combine(folder, "qdrant"),
        ["Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "workbench.db")}",
    };

    private static string ReadmeCommand(string command)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"));
        return Assert.Single(lines, l => l.TrimStart().StartsWith(Prefix + command, StringComparison.Ordinal) && !l.Contains('\\', StringComparison.Ordinal)).Trim();
    }

    [Fact]
    public async Task TheReadmesAskCommandStartsQdrantIndexesTheCorpusAndAnswers()
    {
        var environment = FreshMachine();
        var command = ReadmeCommand("ask ");

        var result = await CommandRun.ShellAsync(command, environment, TimeSpan.FromMinutes(8));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"no Qdrant answers at 127.0.0.1:{environment["Qdrant__HttpPort"]}: starting the local one", result.Error, StringComparison.Ordinal);
        Assert.Contains("indexing the bundled corpus first", result.Error, StringComparison.Ordinal);
        Assert.Contains("[1]", result.Output, StringComparison.Ordinal);
        Assert.Contains("Recombinant Zoster Vaccine", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("info:", result.Output, StringComparison.Ordinal);
        AssertQdrantStopped();
    }

    [Fact]
    public async Task TheReadmesEvaluationCommandsRunOnASmallLimitAndPrintOnlyStartAndEndLines()
    {
        var environment = FreshMachine();
        var command = ReadmeCommand("eval retrieval ");

        var result = await CommandRun.ShellAsync(command + " --limit 12", environment, TimeSpan.FromMinutes(10));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("| retriever | questions |", result.Output, StringComparison.Ordinal);
        var rows = result.Output.Split('\n');
        foreach (var retriever in new[] { "dense", "sparse", "hybrid" })
        {
            // A row per retriever, labelled with its settings where it has any: "| hybrid [linear(sparse×0.005)] | 12 | …".
            Assert.Single(rows, r => (r.StartsWith($"| {retriever} |", StringComparison.Ordinal) || r.StartsWith($"| {retriever} [", StringComparison.Ordinal))
                && r.Contains("| 12 |", StringComparison.Ordinal));
        }

        // Redirected output: a start and an end line per stage, not one line per question.
        Assert.DoesNotContain("\r", result.Error, StringComparison.Ordinal);
        Assert.InRange(result.Error.Split('\n').Count(l => l.Contains(": ", StringComparison.Ordinal) && l.Contains("/12", StringComparison.Ordinal)), 1, 6);
        AssertQdrantStopped();

        // The answer evaluation on the index the retrieval run left in the same storage, its limit and report path made small and private.
        var json = Path.Combine(folder, "answers.json");
        var answers = ReadmeCommand("eval answers --dataset ../shared/datasets/pubmedqa ")
            .Replace("--limit 200", "--limit 12", StringComparison.Ordinal)
            .Replace("--json pubmedqa-answers.json", $"--json {json}", StringComparison.Ordinal);

        var answered = await CommandRun.ShellAsync(answers, environment, TimeSpan.FromMinutes(10));

        Assert.True(answered.ExitCode == 0, answered.Error);
        using var report = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Assert.Equal(12, report.RootElement.GetProperty("questions").GetInt32());
        var composers = report.RootElement.GetProperty("composers").EnumerateArray().ToList();
        Assert.Equal(["top-passage", "lead-3"], composers.Select(c => c.GetProperty("composer").GetString()).Where(n => n is "top-passage" or "lead-3"));
        Assert.Single(composers, c => c.GetProperty("default").GetBoolean());
        foreach (var composer in composers)
        {
            Assert.InRange(composer.GetProperty("rougeL_f1").GetDouble(), 0.01, 1);
            Assert.Contains($"| {composer.GetProperty("composer").GetString()}", answered.Output, StringComparison.Ordinal);
        }

        AssertQdrantStopped();
    }

    private void AssertQdrantStopped()
    {
        var storage = Path.Combine(folder, "qdrant");
        var left = Process.GetProcessesByName("qdrant").Where(p =>
        {
            try
            {
                return File.ResolveLinkTarget($"/proc/{p.Id}/cwd", returnFinalTarget: false)?.FullName == storage;
            }
            catch (IOException)
            {
                return false;
            }
        });
        Assert.Empty(left);
    }
}
