using Microsoft.ML.Tokenizers;
using Workbench.Core.Text;

namespace Workbench.Core.Ingestion;

/// <summary>
/// Splits documents into passages of whole sentences that fit a token budget measured with the
/// embedding model's own tokenizer. Passages never cross a heading; consecutive passages of a section
/// share trailing sentences (overlap) so a claim split across a boundary is still retrievable.
/// </summary>
public sealed class TokenChunker(Tokenizer tokenizer, ChunkingOptions options)
{
    public IReadOnlyList<Passage> Chunk(SourceDocument document)
    {
        var passages = new List<Passage>();
        foreach (var section in document.Sections)
        {
            foreach (var text in ChunkSection(section.Text))
            {
                passages.Add(new Passage($"{document.Id}#{passages.Count}", document.Id, passages.Count, section.Heading, text, document.Metadata));
            }
        }

        return passages;
    }

    public int CountTokens(string text) => tokenizer.CountTokens(text, considerPreTokenization: true, considerNormalization: true);

    private IEnumerable<string> ChunkSection(string text)
    {
        var window = new List<(string Sentence, int Tokens)>();
        var windowTokens = 0;
        var freshInWindow = 0;

        foreach (var sentence in SentenceSplitter.Split(text).SelectMany(SplitOversized))
        {
            var tokens = CountTokens(sentence);
            if (freshInWindow > 0 && windowTokens + tokens > options.MaxTokens)
            {
                yield return Join(window);
                (window, windowTokens) = Overlap(window);
                freshInWindow = 0;
            }

            // Overlap gives way to new text when both do not fit.
            while (window.Count > 0 && windowTokens + tokens > options.MaxTokens)
            {
                windowTokens -= window[0].Tokens;
                window.RemoveAt(0);
            }

            window.Add((sentence, tokens));
            windowTokens += tokens;
            freshInWindow++;
        }

        if (freshInWindow > 0)
        {
            yield return Join(window);
        }
    }

    private (List<(string Sentence, int Tokens)> Window, int Tokens) Overlap(List<(string Sentence, int Tokens)> previous)
    {
        var kept = new List<(string Sentence, int Tokens)>();
        var total = 0;
        // Never carry the whole previous passage over: the next one must move forward.
        for (var i = previous.Count - 1; i >= 1; i--)
        {
            if (total + previous[i].Tokens > options.OverlapTokens)
            {
                break;
            }

            kept.Insert(0, previous[i]);
            total += previous[i].Tokens;
        }

        return (kept, total);
    }

    /// <summary>A sentence longer than the budget (a run-on list, a table flattened to text) is cut at word boundaries.</summary>
    private IEnumerable<string> SplitOversized(string sentence)
    {
        if (CountTokens(sentence) <= options.MaxTokens)
        {
            yield return sentence;
            yield break;
        }

        var words = new List<string>();
        foreach (var word in sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(word);
            if (words.Count > 1 && CountTokens(string.Join(' ', words)) > options.MaxTokens)
            {
                words.RemoveAt(words.Count - 1);
                yield return string.Join(' ', words);
                words.Clear();
                words.Add(word);
            }
        }

        if (words.Count > 0)
        {
            yield return string.Join(' ', words);
        }
    }

    private static string Join(List<(string Sentence, int Tokens)> window) => string.Join(' ', window.Select(w => w.Sentence));
}
