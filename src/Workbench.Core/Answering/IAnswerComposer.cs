namespace Workbench.Core.Answering;

/// <summary>
/// What a quoting composer gives: sentences taken word for word from the passages, each with the passage
/// it came from, and the parts of the question no passage answers (shown as "not found in the corpus").
/// No sentences means the composer abstains.
/// </summary>
public sealed record ComposedAnswer(IReadOnlyList<ComposedSentence> Sentences, IReadOnlyList<string> Unanswered)
{
    public static ComposedAnswer None { get; } = new([], []);
}

/// <summary>A composer that never writes a word of its own: every sentence is quoted from a passage it cites.</summary>
public interface IAnswerComposer
{
    string Name { get; }

    ComposedAnswer Answer(string question, IReadOnlyList<RetrievedPassage> passages);
}
