using System.Diagnostics;

namespace Workbench.TestSupport;

/// <summary>What a finished process printed and how it ended.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Error);

/// <summary>Runs a program to its end from the repository root, with extra environment variables and a time limit.</summary>
public static class CommandRun
{
    /// <summary>The built command-line tool (tests depend on its project, so it is built before them).</summary>
    public static string WorkbenchDll => Path.Combine(RepositoryPaths.Root, "artifacts", "bin", "Workbench.Cli", "debug", "workbench.dll");

    public static Task<CommandResult> WorkbenchAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunAsync("dotnet", [WorkbenchDll, .. arguments], environment, TimeSpan.FromMinutes(2));

    /// <summary>A shell command line exactly as a person would type it (quotes and all).</summary>
    public static Task<CommandResult> ShellAsync(string commandLine, IReadOnlyDictionary<string, string> environment, TimeSpan timeout) =>
        RunAsync("bash", ["-c", commandLine], environment, timeout);

    public static async Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not end within {timeout}: {await error}");
        }

        return new CommandResult(process.ExitCode, await output, await error);
    }
}
