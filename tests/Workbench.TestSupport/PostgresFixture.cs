using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Workbench.Core.Retrieval;
using Xunit;

namespace Workbench.TestSupport;

/// <summary>
/// A real PostgreSQL server (Debian's package, installed by the test script) for one test run: a fresh
/// cluster in a temporary folder on a free port, stopped and deleted afterwards. As root, the server
/// runs as the postgres user (it refuses to run as root).
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    // Tagged with the test script's run, so its clean-up stops only the servers its own crashed test hosts left behind.
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"workbench-pg-{Environment.GetEnvironmentVariable("WORKBENCH_TEST_RUN")}-{Guid.NewGuid():N}");
    private string bin = string.Empty;
    private int port;

    private static bool AsRoot => Environment.UserName == "root";

    private string Data => Path.Combine(folder, "data");

    public async Task InitializeAsync()
    {
        bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).FirstOrDefault() ?? string.Empty
            : string.Empty;
        if (bin.Length == 0)
        {
            throw new InvalidOperationException("PostgreSQL is not installed: run scripts/setup.sh --postgres (the test script does).");
        }

        Directory.CreateDirectory(folder);
        if (AsRoot)
        {
            await RunAsync("chown", ["postgres", folder]);
        }

        port = LocalQdrantServer.FreePort();
        await PgAsync("initdb", ["-D", Data, "-U", "workbench", "-A", "trust", "-E", "UTF8", "--no-sync"]);
        await PgAsync("pg_ctl", ["-D", Data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start"]);
    }

    /// <summary>A connection string to a database of the caller's own (created by the app's migrations).</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "workbench", Database = database, Pooling = true }.ConnectionString;

    public async Task DisposeAsync()
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            await PgAsync("pg_ctl", ["-D", Data, "-m", "immediate", "stop"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private Task PgAsync(string tool, string[] arguments) =>
        AsRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, tool), .. arguments]) : RunAsync(Path.Combine(bin, tool), arguments);

    private static async Task RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var said = await errors + await output;
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {said}"));
        }
    }
}
