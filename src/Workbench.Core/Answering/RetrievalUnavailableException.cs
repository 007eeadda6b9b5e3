namespace Workbench.Core.Answering;

/// <summary>
/// The passage index could not be reached or is not built, so no answer can be given; the caller shows
/// this message rather than an empty answer. The index's own failure is the inner exception.
/// </summary>
public sealed class RetrievalUnavailableException(string message, Exception inner) : Exception(message, inner);
