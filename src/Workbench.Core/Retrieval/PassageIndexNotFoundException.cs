namespace Workbench.Core.Retrieval;

/// <summary>The collection (or alias) asked for does not exist: nothing has been indexed into it yet.</summary>
public sealed class PassageIndexNotFoundException(string message, Exception? inner = null) : PassageIndexException(message, inner);
