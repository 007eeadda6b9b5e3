using Microsoft.ML.Tokenizers;
using Workbench.Core.Embeddings;
using Workbench.Core.Ingestion;
using Workbench.TestSupport;

namespace Workbench.UnitTests.Ingestion;

public class TokenChunkerTests
{
    private static readonly BertTokenizer Tokenizer = BertTokenizer.Create(EmbeddingModelFiles.VocabularyPath(RepositoryPaths.ModelDirectory));
    private static readonly DocumentMetadata Source = new("Title", "Org", 2020, DocumentType.Guideline, "cardiology", "https://example.org");

    private static SourceDocument Document(params DocumentSection[] sections) => new("doc", Source, sections);

    private static string Sentences(string prefix, int count) =>
        string.Join(' ', Enumerable.Range(1, count).Select(i => $"{prefix} sentence number {i} says that blood pressure should be measured twice."));

    [Fact]
    public void KeepsEveryPassageWithinTheTokenBudget()
    {
        var chunker = new TokenChunker(Tokenizer, new ChunkingOptions { MaxTokens = 60, OverlapTokens = 20 });

        var passages = chunker.Chunk(Document(new DocumentSection("Body", Sentences("A", 30))));

        Assert.True(passages.Count > 5);
        Assert.All(passages, p => Assert.InRange(chunker.CountTokens(p.Text), 1, 60));
    }

    [Fact]
    public void RepeatsTrailingSentencesAtTheStartOfTheNextPassage()
    {
        var chunker = new TokenChunker(Tokenizer, new ChunkingOptions { MaxTokens = 60, OverlapTokens = 20 });

        var passages = chunker.Chunk(Document(new DocumentSection("Body", Sentences("A", 10))));

        for (var i = 1; i < passages.Count; i++)
        {
            var lastOfPrevious = passages[i - 1].Text.Split(". ")[^1];
            Assert.StartsWith(lastOfPrevious.TrimEnd('.'), passages[i].Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WithoutOverlapEverySentenceAppearsExactlyOnceInOrder()
    {
        var chunker = new TokenChunker(Tokenizer, new ChunkingOptions { MaxTokens = 60, OverlapTokens = 0 });
        var text = Sentences("A", 12);

        var passages = chunker.Chunk(Document(new DocumentSection("Body", text)));

        Assert.Equal(text, string.Join(' ', passages.Select(p => p.Text)));
    }

    [Fact]
    public void NeverCrossesAHeadingAndKeepsTheHeadingWithItsText()
    {
        var chunker = new TokenChunker(Tokenizer, new ChunkingOptions { MaxTokens = 200, OverlapTokens = 40 });

        var passages = chunker.Chunk(Document(new DocumentSection("Dosing", Sentences("D", 2)), new DocumentSection("Harms", Sentences("H", 2))));

        Assert.Equal(["Dosing", "Harms"], passages.Select(p => p.Heading));
        Assert.DoesNotContain("H sentence", passages[0].Text);
        Assert.StartsWith("Title — Harms\n", passages[1].EmbeddingText, StringComparison.Ordinal);
        Assert.Equal(["doc#0", "doc#1"], passages.Select(p => p.Id));
    }

    [Fact]
    public void CutsASentenceLongerThanTheBudgetAtWordBoundaries()
    {
        var chunker = new TokenChunker(Tokenizer, new ChunkingOptions { MaxTokens = 40, OverlapTokens = 0 });
        var longSentence = string.Join(' ', Enumerable.Repeat("hypertension", 100)) + ".";

        var passages = chunker.Chunk(Document(new DocumentSection("Body", longSentence)));

        Assert.True(passages.Count >= 3);
        Assert.All(passages, p => Assert.InRange(chunker.CountTokens(p.Text), 1, 40));
        Assert.Equal(100, passages.Sum(p => p.Text.Split(' ').Length));
    }

    [Fact]
    public void GivesAChangedPassageANewContentHash()
    {
        var chunker = new TokenChunker(Tokenizer, new ChunkingOptions());
        var before = chunker.Chunk(Document(new DocumentSection("Dose", "Give 81 mg daily.")))[0];
        var same = chunker.Chunk(Document(new DocumentSection("Dose", "Give 81 mg daily.")))[0];
        var after = chunker.Chunk(Document(new DocumentSection("Dose", "Give 162 mg daily.")))[0];

        Assert.Equal(before.ContentHash, same.ContentHash);
        Assert.NotEqual(before.ContentHash, after.ContentHash);
    }
}
