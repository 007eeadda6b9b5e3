using Qdrant.Client;
using Qdrant.Client.Grpc;
using Workbench.Core.Ingestion;
using Workbench.Core.Retrieval;
using Workbench.Core.Retrieval.Qdrant;

namespace Workbench.IntegrationTests;

[Collection(IntegrationCollection.Name)]
public class IndexingTests(IntegrationFixture fixture)
{
    [Fact]
    public async Task TheBundledCorpusIsIndexedWholeOnFirstStart()
    {
        var report = fixture.Services.GetRequiredService<IndexStatus>().LastReport;
        var stored = await fixture.Services.GetRequiredService<IPassageIndex>().CountAsync();

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
    public async Task PassagesStoredWithAnOlderSparseEncodingGetTheNewOneWithoutBeingEmbeddedAgain()
    {
        using var folder = new TempFolder("workbench-corpus-");
        File.Copy(Path.Combine(RepositoryPaths.Corpus, "dapa-ckd-trial-2020.md"), Path.Combine(folder, "doc.md"));
        var (indexer, index) = fixture.IndexerFor("sparse-upgrade");
        var first = await indexer.IndexAsync(new MarkdownCorpusSource(folder));
        // What an older encoding left behind: the same content hash under another sparse version, and its own sparse vectors.
        var client = fixture.Services.GetRequiredService<QdrantClient>();
        var stored = await client.ScrollAsync("sparse-upgrade", limit: 1000, payloadSelector: new WithPayloadSelector { Include = new PayloadIncludeSelector { Fields = { "content_hash" } } });
        foreach (var point in stored.Result)
        {
            var old = new Dictionary<string, Value> { ["content_hash"] = point.Payload["content_hash"].StringValue.Split(':')[0] + ":sparse-v0" };
            await client.SetPayloadAsync("sparse-upgrade", old, Guid.Parse(point.Id.Uuid));
            await client.UpdateVectorsAsync("sparse-upgrade",
                [new PointVectors { Id = point.Id, Vectors = new Dictionary<string, Vector> { [QdrantPassageIndex.SparseVectorName] = (new[] { 1f }, new[] { 1u }) } }]);
        }

        var second = await indexer.IndexAsync(new MarkdownCorpusSource(folder));

        Assert.Equal(first.Passages, second.Passages);
        Assert.Equal(0, second.Embedded);
        var hits = await index.SearchAsync(new PassageQuery(new float[384], SparseEncoder.EncodeQuery("dapagliflozin"), RetrieverKind.Sparse, 3, Workbench.Core.Domain.SearchFilters.None));
        // Found by a word only the re-encoded sparse vectors hold.
        Assert.NotEmpty(hits);
    }

    [Fact]
    public async Task ABrokenFileIsSkippedAndReportedWhileTheRestIsIndexed()
    {
        using var folder = new TempFolder("workbench-corpus-");
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

    [Fact]
    public async Task AShorterNewVersionOfADocumentLeavesNoStalePassages()
    {
        using var folder = new TempFolder("workbench-corpus-");
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
}
