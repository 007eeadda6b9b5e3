using Microsoft.Extensions.DependencyInjection;
using Workbench.Core.Ingestion;
using Workbench.Core.Retrieval;
using Workbench.TestSupport;

namespace Workbench.IntegrationTests;

[Collection(IntegrationCollection.Name)]
public class IndexingTests(IntegrationFixture fixture)
{
    [Fact]
    public async Task TheBundledCorpusIsIndexedWholeOnFirstStart()
    {
        var report = fixture.Services.GetRequiredService<IndexStatus>().LastReport;
        var stored = await fixture.Services.GetRequiredService<QdrantPassageIndex>().CountAsync();

        Assert.NotNull(report);
        Assert.True(report.Documents >= 40, $"only {report.Documents} documents");
        Assert.Empty(report.Problems);
        Assert.Equal(report.Passages, stored);
    }

    [Fact]
    public async Task ReindexingAnUnchangedCorpusEmbedsNothing()
    {
        var (indexer, index) = fixture.IndexerFor("reindex");
        var first = await indexer.IndexAsync(new MarkdownCorpusSource(RepositoryPaths.Corpus));

        var second = await indexer.IndexAsync(new MarkdownCorpusSource(RepositoryPaths.Corpus));

        Assert.Equal(first.Passages, first.Embedded);
        Assert.Equal(0, second.Embedded);
        Assert.Equal(first.Passages, second.Unchanged);
        Assert.Equal(first.Passages, await index.CountAsync());
    }

    [Fact]
    public async Task ABrokenFileIsSkippedAndReportedWhileTheRestIsIndexed()
    {
        var folder = Directory.CreateTempSubdirectory("workbench-corpus-").FullName;
        try
        {
            File.Copy(Path.Combine(RepositoryPaths.Corpus, "dapa-ckd-trial-2020.md"), Path.Combine(folder, "good.md"));
            await File.WriteAllTextAsync(Path.Combine(folder, "broken.md"), "---\ntitle: [unclosed\n---\nSome text.");
            var (indexer, index) = fixture.IndexerFor("broken");

            var report = await indexer.IndexAsync(new MarkdownCorpusSource(folder));

            Assert.Equal(1, report.Documents);
            var problem = Assert.Single(report.Problems);
            Assert.Equal("broken.md", problem.Source);
            Assert.Contains("not valid YAML", problem.Message);
            Assert.Equal(report.Passages, await index.CountAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AShorterNewVersionOfADocumentLeavesNoStalePassages()
    {
        var folder = Directory.CreateTempSubdirectory("workbench-corpus-").FullName;
        try
        {
            var path = Path.Combine(folder, "doc.md");
            File.Copy(Path.Combine(RepositoryPaths.Corpus, "sprint-trial-intensive-blood-pressure-2015.md"), path);
            var (indexer, index) = fixture.IndexerFor("shrink");
            var full = await indexer.IndexAsync(new MarkdownCorpusSource(folder));
            var text = await File.ReadAllTextAsync(path);
            await File.WriteAllTextAsync(path, text[..text.IndexOf("\n## ", text.IndexOf("\n## ", StringComparison.Ordinal) + 1, StringComparison.Ordinal)]);

            var shorter = await indexer.IndexAsync(new MarkdownCorpusSource(folder));

            Assert.True(shorter.Passages < full.Passages);
            Assert.Equal(shorter.Passages, await index.CountAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
