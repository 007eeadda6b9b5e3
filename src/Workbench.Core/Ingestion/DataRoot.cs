namespace Workbench.Core.Ingestion;

/// <summary>
/// What relative corpus and upload folders are relative to, whatever folder the process was started in
/// (<c>dotnet run</c> starts the web app in its project folder): the repository when the app runs from a
/// clone — the nearest folder holding <c>Workbench.sln</c> above the app's binaries —, else the app's own folder.
/// </summary>
public static class DataRoot
{
    public static string Directory { get; } = Find(AppContext.BaseDirectory);

    /// <summary>An absolute path stays as it is; a relative one is taken from <see cref="Directory"/>.</summary>
    public static string Resolve(string path) => Path.GetFullPath(path, Directory);

    internal static string Find(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Workbench.sln")))
            {
                return folder.FullName;
            }
        }

        return Path.GetFullPath(start);
    }
}
