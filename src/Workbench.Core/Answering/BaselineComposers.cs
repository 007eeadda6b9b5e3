using Workbench.Core.Text;

namespace Workbench.Core.Answering;

/// <summary>
/// The answer-quality baselines: the first retrieved passage quoted from its start, whole or its first
/// <paramref name="sentences"/> sentences. They abstain only when nothing was retrieved.
/// </summary>
public sealed class LeadComposer(string name, int? sentences) : IAnswerComposer
{
    public static LeadComposer TopPassage { get; } = new("top-passage", null);

    public static LeadComposer Lead3 { get; } = new("lead-3", 3);

    public string Name => name;

    public ComposedAnswer Answer(string question, IReadOnlyList<RetrievedPassage> passages)
    {
        if (passages.Count == 0)
        {
            return ComposedAnswer.None;
        }

        var split = SentenceSplitter.Split(passages[0].Passage.Text);
        return new ComposedAnswer(split.Take(sentences ?? split.Count).Select(s => new ComposedSentence(s, 1)).ToList(), []);
    }
}
