using Workbench.Core.Domain;
using Workbench.Core.Ingestion;
using Workbench.Core.Ingestion.Datasets;

namespace Workbench.IntegrationTests;

/// <summary>The evaluation data sets in ../shared/datasets are read by the same ingestion.</summary>
public class DatasetSourceTests
{
    private static readonly string Datasets = Path.Combine(RepositoryPaths.Root, "..", "shared", "datasets");

    [Fact]
    public void PubMedQaBecomesOneResearchDocumentPerAbstractWithoutItsConclusion()
    {
        var source = DocumentSources.ForDirectory(Path.Combine(Datasets, "pubmedqa"));

        var result = source.Read();

        Assert.IsType<PubMedQaSource>(source);
        Assert.Empty(result.Problems);
        Assert.Equal(1000, result.Documents.Count);
        Assert.All(result.Documents, d => Assert.Equal(DocumentType.Research, d.Metadata.Type));
        Assert.Equal(3358, result.Documents.Sum(d => d.Sections.Count));
        var first = result.Documents.Single(d => d.Id == "pubmed-21645374");
        Assert.Equal("https://pubmed.ncbi.nlm.nih.gov/21645374/", first.Metadata.Url);
        Assert.Equal(2011, first.Metadata.Year);
        Assert.DoesNotContain(first.Sections, s => s.Text.Contains("Overall, our findings implicate the mitochondria", StringComparison.Ordinal));
    }

    [Fact]
    public void MedQuadBecomesOneDocumentPerAnsweredQuestion()
    {
        var source = DocumentSources.ForDirectory(Path.Combine(Datasets, "medquad"));

        var result = source.Read();

        Assert.IsType<MedQuadSource>(source);
        Assert.True(result.Documents.Count > 5000, $"{result.Documents.Count} documents");
        Assert.Contains(result.Documents, d => d.Metadata.Organisation == "GARD");
        Assert.Contains(result.Documents, d => d.Metadata.Organisation == "GHR");
        Assert.All(result.Documents.Take(50), d => Assert.Contains(": ", d.Metadata.Title));
    }
}
