using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workbench.Core.Deidentification;
using Workbench.Core.Ingestion;
using Workbench.Core.Ingestion.Uploads;
using Workbench.TestSupport;

namespace Workbench.UnitTests.Ingestion;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkingDirectoryCollection
{
    /// <summary>Tests that change the process's working directory run alone.</summary>
    public const string Name = "working directory";
}

[Collection(WorkingDirectoryCollection.Name)]
public sealed class DataRootTests
{
    /// <summary>Issue 20, finding 12: uploads landed under the web project's folder, where <c>dotnet run</c> starts the app.</summary>
    [Fact]
    public void ARelativeUploadFolderAndAllowListAreTakenFromTheRepositoryWhereverTheProcessStarted()
    {
        var started = Environment.CurrentDirectory;
        using var elsewhere = new TempFolder("workbench-cwd-");
        try
        {
            Environment.CurrentDirectory = elsewhere;
            var uploads = new CorpusUploads(Options.Create(new AdminOptions { UploadDirectory = ".data/uploads" }), Options.Create(new CorpusOptions()), Options.Create(new DeidentificationOptions()), NullLogger<CorpusUploads>.Instance);

            Assert.Equal(Path.Combine(RepositoryPaths.Root, ".data", "uploads"), uploads.Directory);
            Assert.Equal(Path.Combine(RepositoryPaths.Root, ".data", "deidentification-allow-list.txt"), new DeidentificationOptions().AllowListPath);
        }
        finally
        {
            Environment.CurrentDirectory = started;
        }
    }

    [Fact]
    public void OutsideACloneTheAppsOwnFolderIsTheRoot()
    {
        using var folder = new TempFolder("workbench-root-");
        Assert.Equal(folder.Path, DataRoot.Find(folder.Path));
        File.WriteAllText(Path.Combine(folder.Path, "Workbench.sln"), "");
        Assert.Equal(folder.Path, DataRoot.Find(Directory.CreateDirectory(Path.Combine(folder.Path, "bin", "app")).FullName));
        Assert.Equal("/srv/uploads", DataRoot.Resolve("/srv/uploads"));
    }
}
