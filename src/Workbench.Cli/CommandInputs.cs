namespace Workbench.Cli;

/// <summary>Checks on what a command reads, made before any work starts so the user learns of a typo at once.</summary>
public static class CommandInputs
{
    /// <returns>The folder, which exists.</returns>
    public static string ExistingFolder(string path, string option) =>
        Directory.Exists(path)
            ? path
            : throw new CommandFailure($"The folder {Path.GetFullPath(path)} given as {option} does not exist (the data sets are in ../shared/datasets: pubmedqa, medquad, mediqa-qa).");

    /// <returns>The folder or file (a data set such as a MEDIQA XML file), which exists.</returns>
    public static string ExistingFolderOrFile(string path, string option) => File.Exists(path) ? path : ExistingFolder(path, option);

    /// <returns>The file, which exists.</returns>
    public static string ExistingFile(string path, string option) =>
        File.Exists(path) ? path : throw new CommandFailure($"The file {Path.GetFullPath(path)} given as {option} does not exist.");
}
