namespace Workbench.Core.Retrieval;

/// <summary>The vector store answered but refused the request (a bad argument, a conflicting state); trying again does not help.</summary>
public sealed class PassageIndexRejectedException(string message, Exception? inner = null) : PassageIndexException(message, inner);
