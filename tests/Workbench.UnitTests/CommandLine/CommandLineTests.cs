using Workbench.Cli;

namespace Workbench.UnitTests.CommandLine;

public sealed class CommandLineTests
{
    [Fact]
    public void TwoWordCommandsOptionsPositionalWordsAndConfigurationOverridesAreToldApart()
    {
        var parsed = Cli.CommandLine.Parse(["eval", "retrieval", "--dataset", "d", "--retriever", "dense", "--retriever=sparse", "--Ask:Fusion=Rrf", "--Qdrant:Host", "q", "--limit", "5"]);

        Assert.Equal("eval retrieval", parsed.Command?.Name);
        Assert.Equal(["dense", "sparse"], parsed.Values("retriever"));
        Assert.Equal(5, parsed.IntOption("limit"));
        Assert.Equal(["--Ask:Fusion=Rrf", "--Qdrant:Host", "q"], parsed.ConfigurationArgs);
        Assert.False(parsed.HelpRequested);
    }

    [Fact]
    public void TheQuestionOfAskIsItsWordsAndFlagsTakeNoValue()
    {
        var parsed = Cli.CommandLine.Parse(["ask", "what", "is", "RZV?", "--json"]);

        Assert.Equal(["what", "is", "RZV?"], parsed.Positional);
        Assert.True(parsed.Flag("json"));
        Assert.Throws<UsageException>(() => Cli.CommandLine.Parse(["ask", "x", "--json=yes"]));
    }

    [Fact]
    public void AnOptionGivenTwiceThatTakesOneValueIsRefused() =>
        Assert.Contains("given twice", Assert.Throws<UsageException>(() => Cli.CommandLine.Parse(["ask", "x", "--top-k", "3", "--top-k", "4"])).Message, StringComparison.Ordinal);

    [Fact]
    public void EveryCommandsHelpNamesEachOfItsOptionsAndAnExampleOfItself()
    {
        foreach (var command in CommandCatalog.All)
        {
            Assert.Contains($"usage: workbench {command.Name}", command.Help, StringComparison.Ordinal);
            Assert.All(command.Options, option => Assert.Contains(option.Synopsis, command.Help, StringComparison.Ordinal));
            Assert.Contains($"-- {command.Name}", command.Example, StringComparison.Ordinal);
            Assert.Contains(command.Name, CommandCatalog.Usage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RedirectedProgressPrintsTheFirstAndLastLineOfEachPhase()
    {
        var output = new StringWriter();
        var progress = new ConsoleProgress<(string Stage, int Done)>(p => $"{p.Stage}: {p.Done}/3", p => p.Stage, output, interactive: false);
        foreach (var stage in new[] { "dense", "sparse" })
        {
            for (var done = 1; done <= 3; done++)
            {
                progress.Report((stage, done));
            }
        }

        progress.Finish();

        Assert.Equal(["dense: 1/3", "dense: 3/3", "sparse: 1/3", "sparse: 3/3", ""], output.ToString().Split(Environment.NewLine));
    }

    [Fact]
    public void ATerminalGetsOneLineRewrittenInPlace()
    {
        var output = new StringWriter();
        var progress = new ConsoleProgress<int>(done => $"{done}/100", writer: output, interactive: true);
        for (var done = 1; done <= 100; done++)
        {
            progress.Report(done);
        }

        progress.Finish();

        var text = output.ToString();
        Assert.StartsWith("\r1/100", text, StringComparison.Ordinal);
        Assert.EndsWith("\r100/100\u001b[K" + Environment.NewLine, text, StringComparison.Ordinal);
        Assert.Single(text.Split(Environment.NewLine), l => l.Length > 0);
    }
}
