namespace Workbench.Core.Retrieval;

/// <summary>The vector store does not answer (down, restarting, timed out, or failed internally): worth trying again later.</summary>
public sealed class PassageIndexUnavailableException(string message, Exception? inner = null) : PassageIndexException(message, inner);
