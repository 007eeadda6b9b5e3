namespace Workbench.Core.Answering;

/// <summary>A question the pipeline refuses before doing any work (empty, too long, bad filters).</summary>
public sealed class InvalidQuestionException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>The passage index could not be reached; the caller shows this rather than an empty answer.</summary>
public sealed class RetrievalUnavailableException(string message, Exception inner) : Exception(message, inner);
