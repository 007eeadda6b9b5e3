namespace Workbench.Core.Answering.Verification;

public enum UnsupportedSentences
{
    /// <summary>Unsupported sentences are taken out of the answer.</summary>
    Remove,

    /// <summary>Unsupported sentences stay, visibly marked.</summary>
    Flag,
}
