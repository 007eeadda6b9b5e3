using System.Globalization;

namespace Workbench.Cli;

/// <summary>
/// A parsed command line: the command (<c>ask</c>, <c>eval retrieval</c>), its <c>--name value</c> options checked against the command's
/// <see cref="CommandSpec"/>, positional words, and <c>--Section:Key=value</c> configuration overrides. <c>--help</c> and <c>--verbose</c> go with any command.
/// </summary>
public sealed record CommandLine(CommandSpec? Command, IReadOnlyList<string> Positional, IReadOnlyDictionary<string, List<string>> Options, string[] ConfigurationArgs)
{
    /// <summary>Whether the failure message may carry the stack trace; known before the command line is fully understood.</summary>
    public static bool WantsVerbose(string[] args) => args.Contains("--verbose", StringComparer.Ordinal);

    /// <returns>The parsed command line; <see cref="Command"/> is null for <c>workbench</c>, <c>help</c> or <c>--help</c> alone.</returns>
    /// <exception cref="UsageException">An unknown command or option, a missing or malformed value.</exception>
    public static CommandLine Parse(string[] args)
    {
        var words = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var help = args.Contains("--help", StringComparer.Ordinal) || words is ["help", ..];
        if (words is ["help", ..])
        {
            words.RemoveAt(0);
        }

        if (words.Count == 0)
        {
            return help || args.Length == 0 ? Empty(help) : throw new UsageException($"'{args[0]}' is not a command: run 'workbench help' for the list");
        }

        var command = CommandCatalog.Find(string.Join(' ', words.Take(2))) ?? CommandCatalog.Find(words[0])
            ?? throw new UsageException(UnknownCommand(words));
        var consumed = command.Name.Count(c => c == ' ') + 1;
        if (help)
        {
            return new CommandLine(command, [], new Dictionary<string, List<string>> { ["help"] = ["true"] }, []);
        }

        var positional = words.Skip(consumed).ToList();
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var configuration = new List<string>();
        for (var i = words.Count; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }

            var (name, inline) = arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 ? (arg[2..eq], arg[(eq + 1)..]) : (arg[2..], null);
            if (name.Contains(':', StringComparison.Ordinal))
            {
                // --Section:Key=value, or --Section:Key value, as the configuration's command-line provider reads them.
                configuration.Add(arg);
                if (inline is null && i + 1 < args.Length)
                {
                    configuration.Add(args[++i]);
                }

                continue;
            }

            if (name == "verbose")
            {
                continue;
            }

            var spec = command.Options.FirstOrDefault(o => o.Name == name) ?? throw new UsageException(UnknownOption(command, name));
            string value;
            if (spec.Value is null)
            {
                value = inline is null ? "true" : throw new UsageException($"--{name} of '{command.Name}' takes no value");
            }
            else
            {
                value = inline ?? (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                    ? args[++i]
                    : throw new UsageException($"--{name} of '{command.Name}' needs a value: {spec.Synopsis}"));
                if (spec.Number && !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                {
                    throw new UsageException($"--{name} takes a whole number, not '{value}'");
                }
            }

            if (!options.TryGetValue(name, out var values))
            {
                options[name] = values = [];
            }
            else if (!spec.Repeatable)
            {
                throw new UsageException($"--{name} of '{command.Name}' is given twice; it takes one value");
            }

            values.Add(value);
        }

        if (command.Positional is null && positional.Count > 0)
        {
            throw new UsageException($"'{command.Name}' takes no word '{positional[0]}': run 'workbench help {command.Name}'");
        }

        return new CommandLine(command, positional, options, [.. configuration]);
    }

    public bool HelpRequested => Command is null || Flag("help");

    public string? Option(string name) => Options.GetValueOrDefault(name)?[^1];

    public IReadOnlyList<string> Values(string name) => Options.GetValueOrDefault(name) ?? [];

    /// <summary>A whole-number option; the parser already refused values that are not.</summary>
    public int? IntOption(string name) => Option(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;

    /// <summary>A comma-separated list of whole numbers such as <c>--users 1,10,50</c>.</summary>
    public IReadOnlyList<int> IntList(string name, string fallback)
    {
        var value = Option(name) ?? fallback;
        return value.Split(',').Select(part => int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new UsageException($"--{name} takes positive whole numbers separated by commas (such as {fallback}), not '{value}'")).ToList();
    }

    public bool Flag(string name) => Options.ContainsKey(name);

    /// <summary>The value of an option the command cannot run without.</summary>
    public string Required(string name) =>
        Option(name) ?? throw new UsageException($"'{Command?.Name}' needs --{name}: run 'workbench help {Command?.Name}'");

    private static CommandLine Empty(bool help) => new(null, [], new Dictionary<string, List<string>> { ["help"] = [help ? "true" : "false"] }, []);

    private static string UnknownCommand(List<string> words)
    {
        var family = CommandCatalog.All.Where(c => c.Name.StartsWith(words[0] + " ", StringComparison.Ordinal)).Select(c => c.Name).ToList();
        return family.Count > 0
            ? $"'{string.Join(' ', words.Take(2))}' is not a command; '{words[0]}' goes with one of: {string.Join(", ", family.Select(f => f[(words[0].Length + 1)..]))}"
            : $"'{words[0]}' is not a command: run 'workbench help' for the list";
    }

    private static string UnknownOption(CommandSpec command, string name)
    {
        var closest = command.Options.MinBy(o => Distance(o.Name, name));
        var hint = closest is not null && Distance(closest.Name, name) <= 2 ? $" (did you mean --{closest.Name}?)" : string.Empty;
        return $"'{command.Name}' has no option --{name}{hint}: run 'workbench help {command.Name}'";
    }

    /// <summary>Edit distance, to suggest the option a typo meant.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
