using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Core.Hosting;
using Workbench.Core.Retrieval;
using Workbench.Core.Security;

namespace Workbench.TestSupport;

/// <summary>
/// The built web app run as a process of its own (<c>dotnet Workbench.Web.dll</c>) on a loopback port, with its own
/// SQLite file, uploads and corpus, against a given Qdrant: for tests that kill it with SIGKILL and start it again on
/// the same data, as a crash and a restart would.
/// </summary>
public sealed class WorkbenchProcess : IAsyncDisposable
{
    private const int OutputLines = 200;

    private readonly ConcurrentQueue<string> output = new();
    private Process? process;

    public WorkbenchProcess(QdrantFixture qdrant, string collection, string dataDirectory, string corpus)
    {
        DatabasePath = Path.Combine(dataDirectory, "workbench.db");
        Settings = qdrant.Configuration(collection);
        Settings["Database:ConnectionString"] = $"Data Source={DatabasePath}";
        Settings["Embedding:ModelDirectory"] = RepositoryPaths.ModelDirectory;
        Settings["Corpus:Directory"] = corpus;
        Settings["Admin:UploadDirectory"] = Path.Combine(dataDirectory, "uploads");
        Settings["Deidentification:AllowListFile"] = Path.Combine(dataDirectory, "allow-list.txt");
        Settings["Security:BootstrapAdmin:Password"] = TestUsers.Password;
        // A restarted process takes over the background work of the killed one within seconds, not the default half minute.
        Settings["ScaleOut:LeaseSeconds"] = "3";
        Settings["ScaleOut:PollSeconds"] = "1";
    }

    /// <summary>The web app's build output, next to which it finds its appsettings.json.</summary>
    public static string Assembly => Path.Combine(RepositoryPaths.Root, "artifacts", "bin", "Workbench.Web", "debug", "Workbench.Web.dll");

    public Dictionary<string, string?> Settings { get; }

    public string DatabasePath { get; }

    public Uri Address { get; private set; } = null!;

    /// <summary>The process's last lines of output, for a failing test's message.</summary>
    public string RecentOutput => string.Join('\n', output);

    /// <summary>
    /// Accounts created before the first start, on the database the process will use (migrated here, with the
    /// bootstrap admin), each with an API token.
    /// </summary>
    public async Task<IReadOnlyList<TestUser>> CreateUsersAsync(params (string UserName, string Role)[] users)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var services = new ServiceCollection().AddLogging().AddWorkbenchCore(configuration);
        services.AddWorkbenchUsers(configuration);
        await using var provider = services.BuildServiceProvider();
        await provider.MigrateDatabaseAsync();
        await provider.GetRequiredService<UserAdministration>().EnsureAdminAsync();
        var created = new List<TestUser>();
        foreach (var (userName, role) in users)
        {
            created.Add(await TestUsers.CreateAsync(provider, userName, role));
        }

        SqliteConnection.ClearAllPools();
        return created;
    }

    /// <summary>Starts the process on a free port and waits until it answers HTTP.</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        if (!File.Exists(Assembly))
        {
            throw new FileNotFoundException($"{Assembly} is not built; build tests/Workbench.IntegrationTests first", Assembly);
        }

        Address = new Uri($"http://127.0.0.1:{LocalQdrantServer.FreePort()}");
        var start = new ProcessStartInfo("dotnet", [Assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(Assembly)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Environment variables override appsettings.json's Urls (ASPNETCORE_URLS would not).
        start.Environment["Urls"] = Address.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("The web app did not start");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The web app exited with code {process.ExitCode} during start:\n{RecentOutput}");
            }

            try
            {
                // Any answer will do (503 while the index is being built): the app is listening.
                using var _ = await http.GetAsync(new Uri("/api/health", UriKind.Relative));
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"The web app did not answer on {Address} within {timeout.TotalSeconds} s:\n{RecentOutput}", ex);
                }

                await Task.Delay(100);
            }
        }
    }

    /// <summary>A client of the running process signed in as <paramref name="user"/>.</summary>
    public HttpClient Client(TestUser user) => user.Authorize(new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) });

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    /// <summary>SQLite's own check of the whole file: "ok", or what is wrong.</summary>
    public string IntegrityCheck()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > OutputLines)
        {
            output.TryDequeue(out _);
        }
    }
}
