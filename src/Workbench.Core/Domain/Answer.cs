namespace Workbench.Core.Domain;

/// <summary>
/// One sentence of an answer, the citation numbers (1-based) behind it, and whether they support it
/// (null on answers stored before verification existed) with the verifier's reason when they do not.
/// </summary>
public sealed record AnswerSentence(string Text, IReadOnlyList<int> CitationNumbers, SupportLevel? Support = null, string? SupportNote = null);

/// <summary>
/// A passage retrieval returned for the question, for the "why this answer" panel; flagged when its
/// text reads as an instruction to a language model (it stays data; admins should look at it).
/// </summary>
public sealed record RetrievedSummary(string PassageId, string Title, string Heading, double Score, int? CitedAs, bool InstructionLike = false);

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
    DateTimeOffset AskedAt,
    IReadOnlyList<RetrievedSummary>? Retrieved = null,
    string? Notice = null)
{
    public string Text => string.Join(' ', Sentences.Select(s =>
        s.Text + string.Concat(s.CitationNumbers.Select(n => $" [{n}]"))));
}
