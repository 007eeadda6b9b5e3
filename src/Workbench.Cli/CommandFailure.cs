namespace Workbench.Cli;

/// <summary>A failure the user can act on; the message is the one sentence they see.</summary>
public sealed class CommandFailure(string message, Exception? inner = null) : Exception(message, inner);
