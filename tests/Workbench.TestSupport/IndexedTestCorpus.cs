using Microsoft.Extensions.DependencyInjection;
using Workbench.Core.Evaluation;
using Workbench.Core.Ingestion;
using Xunit;

namespace Workbench.TestSupport;

/// <summary>
/// One-section documents and their questions written to a folder of the test's own, indexed into a Qdrant of its
/// own, with the core services over them: a data set small enough to score by hand.
/// </summary>
public sealed class IndexedTestCorpus(string collection, IReadOnlyDictionary<string, string> documents, IEnumerable<string> questionLines) : IAsyncLifetime
{
    private readonly QdrantFixture qdrant = new();

    public TempFolder Folder { get; } = new($"workbench-{collection}-");

    public ServiceProvider Services { get; private set; } = null!;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        foreach (var (id, text) in documents)
        {
            await File.WriteAllTextAsync(Folder.Combine(id + ".md"),
                $"---\ntitle: {id}\norganisation: Test\nyear: 2024\ntype: guideline\nspecialty: test\nurl: https://example.org/{id}\n---\n\n## Text\n{text}\n");
        }

        await File.WriteAllLinesAsync(Folder.Combine(EvaluationDataset.QuestionsFile), questionLines);
        await qdrant.InitializeAsync();
        Services = CoreServices.Build(qdrant, collection, Folder.Combine("workbench.db"));
        await Get<PassageIndexer>().IndexAsync(new MarkdownCorpusSource(Folder));
    }

    public async Task DisposeAsync()
    {
        try
        {
            await Services.DisposeAsync();
        }
        finally
        {
            await qdrant.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Folder.Dispose();
    }
}
