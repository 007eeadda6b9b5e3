using Workbench.Core.Answering;

namespace Workbench.UnitTests.Answering;

public class CitedTextTests
{
    [Fact]
    public void ReadsCitationsBeforeOrAfterTheFullStop()
    {
        var sentences = CitedText.Parse("Screen at 45 [1]. Repeat every 10 years. [2, 3] Stop at 85 [1][3].", passageCount: 3);

        Assert.Equal(["Screen at 45.", "Repeat every 10 years.", "Stop at 85."], sentences.Select(s => s.Text));
        Assert.Equal([1], sentences[0].CitationNumbers);
        Assert.Equal([2, 3], sentences[1].CitationNumbers);
        Assert.Equal([1, 3], sentences[2].CitationNumbers);
    }

    [Fact]
    public void DropsSentencesWithoutAValidCitation()
    {
        var sentences = CitedText.Parse("Supported claim [1]. Invented claim. Wrong source [7]. Huge number [99999999999].", passageCount: 2);

        var only = Assert.Single(sentences);
        Assert.Equal("Supported claim.", only.Text);
    }

    [Fact]
    public void TreatsTheInsufficientEvidenceReplyAsNoAnswer() =>
        Assert.Empty(CitedText.Parse(CitedText.InsufficientEvidence, passageCount: 5));

    [Fact]
    public void ParsesWhatFormatWrites()
    {
        var text = CitedText.Format([new ComposedSentence("Give 81 mg daily.", 2), new ComposedSentence("Start after 12 weeks.", 1)]);

        var sentences = CitedText.Parse(text, passageCount: 2);

        Assert.Equal(["Give 81 mg daily.", "Start after 12 weeks."], sentences.Select(s => s.Text));
        Assert.Equal([2, 1], sentences.Select(s => s.CitationNumbers.Single()));
    }
}
