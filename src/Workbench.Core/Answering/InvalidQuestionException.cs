namespace Workbench.Core.Answering;

/// <summary>A question the pipeline refuses before doing any work (empty, too long, bad filters).</summary>
public sealed class InvalidQuestionException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
