using Workbench.Core.Answering;
using Workbench.Core.Evaluation;

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

    // The reference answer of each question is its document's text word for word.
    private readonly IndexedTestCorpus corpus = new("answers", Documents, Documents.Select(d =>
        $$"""{"question": "{{Question(d.Key)}}", "documents": ["{{d.Key}}"], "answer": "{{d.Value}}"}"""));

    public Task InitializeAsync() => corpus.InitializeAsync();

    public Task DisposeAsync() => corpus.DisposeAsync();

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
        var pipeline = corpus.Get<AskPipeline>();
        var question = EvaluationDataset.Load(corpus.Folder).Questions.Single(q => q.RelevantDocuments.Contains("statins"));

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
        var dataset = EvaluationDataset.Load(corpus.Folder);
        var composers = corpus.Get<AnswerComposers>();

        var report = await corpus.Get<AnswerEvaluator>().RunAsync(dataset, composers.All);

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
