using Workbench.Core.Evaluation;

namespace Workbench.IntegrationTests;

public class EvaluationDatasetTests
{
    [Fact]
    public void AMalformedQuestionsFileIsRejectedWithItsLineNumber()
    {
        using var folder = new TempFolder("workbench-eval-");
        File.WriteAllLines(Path.Combine(folder, EvaluationDataset.QuestionsFile),
            ["""{"question": "ok", "documents": ["a"]}""", "", """{"question": "no gold"}"""]);

        var error = Assert.Throws<FormatException>(() => EvaluationDataset.Load(folder));

        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void PubMedQaQuestionsPointAtTheirOwnAbstract()
    {
        var dataset = EvaluationDataset.Load(Path.Combine(Workbench.TestSupport.RepositoryPaths.Root, "..", "shared", "datasets", "pubmedqa"), limit: 10);

        Assert.Equal("pubmedqa", dataset.Name);
        Assert.Equal(10, dataset.Questions.Count);
        Assert.All(dataset.Questions, q => Assert.StartsWith("pubmed-", Assert.Single(q.RelevantDocuments)));
    }
}
