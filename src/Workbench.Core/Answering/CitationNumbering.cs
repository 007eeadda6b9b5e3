namespace Workbench.Core.Answering;

/// <summary>Citations as an answer shows them: numbered by first use, each with its passage.</summary>
internal static class CitationNumbering
{
    /// <summary>Citation numbers in the answer run 1..n in order of first use, whatever the retrieval rank.</summary>
    internal static (IReadOnlyList<AnswerSentence> Sentences, IReadOnlyList<Citation> Citations, IReadOnlyDictionary<int, int> Numbers) Renumber(
        IReadOnlyList<AnswerSentence> sentences, IReadOnlyList<RetrievedPassage> passages)
    {
        var numbers = new Dictionary<int, int>();
        foreach (var n in sentences.SelectMany(s => s.CitationNumbers))
        {
            numbers.TryAdd(n, numbers.Count + 1);
        }

        var renumbered = sentences.Select(s => s with { CitationNumbers = s.CitationNumbers.Select(n => numbers[n]).ToList() }).ToList();
        var citations = numbers.Select(pair => ToCitation(pair.Value, passages[pair.Key - 1])).ToList();
        return (renumbered, citations, numbers);
    }

    internal static Citation ToCitation(int number, RetrievedPassage retrieved) =>
        new(number, retrieved.Passage.Id, retrieved.Passage.DocumentId, retrieved.Passage.Heading, retrieved.Passage.Text, retrieved.Score, retrieved.Passage.Source);
}
