using Workbench.Core.Answering;
using Workbench.Core.Domain;

namespace Workbench.IntegrationTests;

[Collection(IntegrationCollection.Name)]
public class AskPipelineTests(IntegrationFixture fixture)
{
    private AskPipeline Pipeline => fixture.Services.GetRequiredService<AskPipeline>();

    [Theory]
    [InlineData("What dose of aspirin is recommended to prevent preeclampsia in high-risk pregnancy?", "uspstf-low-dose-aspirin-preeclampsia-2021", "81 mg")]
    [InlineData("At what age should average-risk adults start colorectal cancer screening?", "uspstf-colorectal-cancer-screening-2021", "45")]
    [InlineData("What ceftriaxone dose treats uncomplicated gonorrhea?", "cdc-gonorrhea-treatment-2021", "500 mg")]
    [InlineData("What systolic blood pressure target did the SPRINT trial test?", "sprint-trial-intensive-blood-pressure-2015", "120")]
    public async Task TheTopCitationComesFromTheDocumentThatHoldsTheAnswer(string question, string documentId, string claim)
    {
        var result = await Pipeline.AskAsync(new AskRequest(question));

        Assert.False(result.Abstained, result.AbstentionReason);
        var first = result.Citations[0];
        Assert.Equal(documentId, first.DocumentId);
        Assert.Contains(claim, string.Join(' ', result.Sentences.Where(s => s.CitationNumbers.Contains(first.Number)).Select(s => s.Text)));
    }

    [Fact]
    public async Task EverySentenceIsQuotedFromAPassageItCites()
    {
        var result = await Pipeline.AskAsync(new AskRequest("How should atrial fibrillation patients be anticoagulated?"));

        Assert.NotEmpty(result.Sentences);
        foreach (var sentence in result.Sentences)
        {
            Assert.NotEmpty(sentence.CitationNumbers);
            Assert.Contains(sentence.CitationNumbers, n => result.Citations.Single(c => c.Number == n).Quote.Contains(sentence.Text, StringComparison.Ordinal));
        }

        Assert.Equal(Enumerable.Range(1, result.Citations.Count), result.Citations.Select(c => c.Number));
    }

    [Theory]
    [InlineData("What is the capital of France?")]
    [InlineData("Which biologics are used for plaque psoriasis?")]
    public async Task AQuestionTheCorpusDoesNotAnswerGetsAnAbstentionWithTheClosestPassages(string question)
    {
        var result = await Pipeline.AskAsync(new AskRequest(question));

        Assert.True(result.Abstained);
        Assert.Empty(result.Sentences);
        Assert.Empty(result.Citations);
        Assert.NotEmpty(result.ClosestPassages);
        Assert.Contains("does not contain", result.AbstentionReason);
    }

    [Fact]
    public async Task PayloadFiltersAreAppliedInTheQdrantQuery()
    {
        var filters = new SearchFilters(Type: DocumentType.Research, YearFrom: 2010);

        var result = await Pipeline.AskAsync(new AskRequest("Does lowering blood pressure reduce cardiovascular events?", 10, filters));

        var shown = result.Citations.Concat(result.ClosestPassages).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, c => Assert.Equal(DocumentType.Research, c.Source.Type));
        Assert.All(shown, c => Assert.True(c.Source.Year >= 2010));
    }

    [Theory]
    [InlineData("", "question")]
    [InlineData("   ", "question")]
    public async Task AnEmptyQuestionIsRefusedBeforeAnyWork(string question, string field)
    {
        var error = await Assert.ThrowsAsync<InvalidQuestionException>(() => Pipeline.AskAsync(new AskRequest(question)));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public async Task AQuestionOverTheLimitIsRefusedWithItsLength()
    {
        var error = await Assert.ThrowsAsync<InvalidQuestionException>(() => Pipeline.AskAsync(new AskRequest(new string('a', 2001))));

        Assert.Contains("2,001", error.Message);
    }
}
