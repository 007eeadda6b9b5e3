namespace Workbench.Benchmarks;

internal static class Repository
{
    /// <summary>The checkout the benchmarks run from (its corpus and installed model).</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Workbench.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the benchmarks from the repository (no Workbench.sln found above the current folder).");
    }
}
