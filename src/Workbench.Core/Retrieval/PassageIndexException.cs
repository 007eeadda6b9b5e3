namespace Workbench.Core.Retrieval;

/// <summary>
/// The vector store behind the passage index failed a request. Callers above the seam catch these, never
/// the store's own transport errors, so swapping or faking the store does not change their error handling.
/// </summary>
public abstract class PassageIndexException(string message, Exception? inner) : Exception(message, inner);
