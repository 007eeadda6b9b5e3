namespace Workbench.Core.Domain;

/// <summary>One sentence of an answer and the citation numbers (1-based) that support it.</summary>
public sealed record AnswerSentence(string Text, IReadOnlyList<int> CitationNumbers);

/// <summary>A passage cited by an answer, numbered as it appears in the answer text.</summary>
public sealed record Citation(
    int Number,
    string PassageId,
    string DocumentId,
    string Heading,
    string Quote,
    double Score,
    DocumentMetadata Source);

public sealed record AskTimings(double EmbedMs, double RetrieveMs, double ComposeMs)
{
    public double TotalMs => EmbedMs + RetrieveMs + ComposeMs;
}

/// <summary>
/// The result of asking: either cited sentences, or an abstention that shows the closest passages instead.
/// </summary>
public sealed record AskResult(
    Guid AnswerId,
    string Question,
    IReadOnlyList<AnswerSentence> Sentences,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<Citation> ClosestPassages,
    bool Abstained,
    string? AbstentionReason,
    AskTimings Timings,
    PipelineConfiguration Pipeline,
    DateTimeOffset AskedAt)
{
    public string Text => string.Join(' ', Sentences.Select(s =>
        s.Text + string.Concat(s.CitationNumbers.Select(n => $" [{n}]"))));
}
