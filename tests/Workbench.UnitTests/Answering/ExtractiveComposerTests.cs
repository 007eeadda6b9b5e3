using Workbench.Core.Answering;

namespace Workbench.UnitTests.Answering;

public class ExtractiveComposerTests
{
    private static readonly ExtractiveComposer Composer = new(new ExtractiveComposerOptions { MinPassageScore = 0.5, PassageScoreMargin = 0.2 });

    private static RetrievedPassage Passage(string id, string text, double score) =>
        new(new Passage(id, id, 0, "Heading", text, new DocumentMetadata(id, "Org", 2020, DocumentType.Guideline, "x", null)), score);

    private static readonly RetrievedPassage Colorectal = Passage("crc",
        "The USPSTF recommends colorectal cancer screening in adults aged 45 to 49 years. Colonoscopy is repeated every 10 years when normal. The committee met twice.",
        0.85);

    private static readonly RetrievedPassage Breast = Passage("breast",
        "Biennial mammography screening is recommended for women aged 40 to 74 years. Dense breasts need discussion with a clinician.",
        0.80);

    [Fact]
    public void QuotesSentencesAndCitesThePassageEachCameFrom()
    {
        var sentences = Composer.Compose("At what age should colorectal cancer screening start?", [Breast, Colorectal]);

        var quoted = Assert.Single(sentences, s => s.Text.Contains("colorectal cancer screening", StringComparison.Ordinal));
        Assert.Equal(2, quoted.PassageNumber);
        Assert.All(sentences, s => Assert.Contains(s.Text, new[] { Breast, Colorectal }[s.PassageNumber - 1].Passage.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void AbstainsWhenTheBestPassageIsBelowTheThreshold()
    {
        var weak = Colorectal with { Score = 0.3 };

        Assert.Empty(Composer.Compose("At what age should colorectal cancer screening start?", [weak]));
    }

    [Fact]
    public void AbstainsWhenNoSentenceSharesTheQuestionsContentWords()
    {
        Assert.Empty(Composer.Compose("How is psoriasis treated with biologics?", [Colorectal, Breast]));
    }

    [Fact]
    public void AbstainsForAnEmptyQuestionOrNoPassages()
    {
        Assert.Empty(Composer.Compose("the of and", [Colorectal]));
        Assert.Empty(Composer.Compose("colorectal screening", []));
    }

    [Fact]
    public void DropsNearDuplicateSentences()
    {
        var copy = Passage("copy", "The USPSTF recommends colorectal cancer screening in adults aged 45 to 49 years.", 0.84);

        var sentences = Composer.Compose("colorectal cancer screening age", [Colorectal, copy]);

        Assert.Single(sentences, s => s.Text.StartsWith("The USPSTF recommends colorectal", StringComparison.Ordinal));
    }

    [Fact]
    public void IgnoresPassagesFarBelowTheBestOne()
    {
        var distant = Passage("far", "Colorectal cancer screening with stool tests is cheap for adults.", 0.6);

        var sentences = Composer.Compose("colorectal cancer screening adults", [Colorectal, distant]);

        Assert.DoesNotContain(sentences, s => s.PassageNumber == 2);
    }

    [Fact]
    public void KeepsTheSourcesSentenceOrderWithinAPassage()
    {
        var sentences = Composer.Compose("colonoscopy colorectal screening years adults", [Colorectal]);

        Assert.Equal(2, sentences.Count);
        Assert.StartsWith("The USPSTF", sentences[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Colonoscopy", sentences[1].Text, StringComparison.Ordinal);
    }
}
