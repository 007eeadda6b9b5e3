using Microsoft.Extensions.DependencyInjection;
using Workbench.Core.Answering;
using Workbench.Core.Evaluation;
using Workbench.Core.Ingestion;
using Workbench.TestSupport;

namespace Workbench.IntegrationTests;

/// <summary>The answer evaluation over a tiny data set in a real Qdrant: the probe's filter and the harness's figures.</summary>
public sealed class AnswerEvaluationTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Documents = new()
    {
        ["statins"] = "Statins lower LDL cholesterol and reduce cardiovascular events in adults at raised risk.",
        ["statins-muscle"] = "Statins can cause muscle aches, and rarely muscle damage, in adults who take them.",
        ["hypertension"] = "Hypertension is diagnosed when office readings are persistently at or above 130/80 mmHg.",
        ["pressure-ulcers"] = "Pressure ulcers are prevented by repositioning bedbound patients and using high-specification foam mattresses.",
        ["transfusion"] = "Red cell transfusion in surgery uses a restrictive haemoglobin threshold of 7 g/dL.",
    };

    private readonly QdrantFixture qdrant = new();
    private readonly TempFolder folder = new("workbench-answers-");
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        foreach (var (id, text) in Documents)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, id + ".md"),
                $"---\ntitle: {id}\norganisation: Test\nyear: 2024\ntype: guideline\nspecialty: test\nurl: https://example.org/{id}\n---\n\n## Text\n{text}\n");
        }

        // The reference answer of each question is its document's text word for word.
        await File.WriteAllLinesAsync(Path.Combine(folder, EvaluationDataset.QuestionsFile), Documents.Select(d =>
            $$"""{"question": "{{Question(d.Key)}}", "documents": ["{{d.Key}}"], "answer": "{{d.Value}}"}"""));
        await qdrant.InitializeAsync();
        services = CoreServices.Build(qdrant, "answers", Path.Combine(folder, "workbench.db"));
        await services.GetRequiredService<PassageIndexer>().IndexAsync(new MarkdownCorpusSource(folder));
    }

    public async Task DisposeAsync()
    {
        try
        {
            await services.DisposeAsync();
        }
        finally
        {
            await qdrant.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    private static string Question(string document) => document switch
    {
        "statins" => "Do statins reduce cardiovascular events?",
        "statins-muscle" => "Can statins cause muscle aches?",
        "hypertension" => "When is hypertension diagnosed?",
        "pressure-ulcers" => "How are pressure ulcers prevented?",
        _ => "What haemoglobin threshold is used for transfusion?",
    };

    [Fact]
    public async Task TheProbesFilterRemovesEveryPassageOfTheGoldDocument()
    {
        var pipeline = services.GetRequiredService<AskPipeline>();
        var question = EvaluationDataset.Load(folder).Questions.Single(q => q.RelevantDocuments.Contains("statins"));

        var open = await pipeline.RetrieveAsync(new AskRequest(question.Question, TopK: 5));
        var probed = await pipeline.RetrieveAsync(new AskRequest(question.Question, TopK: 5, Filters: AnswerEvaluator.WithoutGold(question)));

        Assert.Equal("statins", open.Passages[0].Passage.DocumentId);
        Assert.NotEmpty(probed.Passages);
        Assert.DoesNotContain(probed.Passages, p => p.Passage.DocumentId == "statins");
        // Only the gold document goes: its neighbour on the same drug is still found.
        Assert.Contains(probed.Passages, p => p.Passage.DocumentId == "statins-muscle");
    }

    [Fact]
    public async Task TheRunScoresEveryComposerOnTheSamePassagesWithOneQuestionProbed()
    {
        var dataset = EvaluationDataset.Load(folder);
        var composers = services.GetRequiredService<AnswerComposers>();

        var report = await services.GetRequiredService<AnswerEvaluator>().RunAsync(dataset, composers.All);

        Assert.Equal(5, report.Questions);
        Assert.Equal(1, report.Probed);
        Assert.Equal(composers.All.Select(c => c.Name), report.Composers.Select(c => c.Composer));
        Assert.Equal(ExtractiveComposer.ComposerName, Assert.Single(report.Composers, c => c.Default).Composer);
        // Each document is one passage and the reference is its text, so the whole top passage is the
        // reference whenever retrieval ranks the gold document first (it does for all four answerable questions here).
        var top = Assert.Single(report.Composers, c => c.Composer == "top-passage");
        Assert.Equal(1, top.RougeLF1, 6);
        Assert.Equal(1, top.TokenF1, 6);
        Assert.Equal(1, top.GoldCitationRate, 6);
        Assert.Equal(1, top.CitationPrecision, 6);
        Assert.Equal(0, top.AbstentionRecall);
        Assert.Equal(0, top.FalseAbstention);
        Assert.Equal(1, top.SupportedShare, 6);
        Assert.All(report.Composers, c => Assert.Equal(5, c.Questions));
        Assert.All(report.Composers, c => Assert.True(c.P50Ms > 0 && c.P95Ms >= c.P50Ms));
    }
}
