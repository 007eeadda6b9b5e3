namespace Workbench.Cli;

/// <summary>A command line the user got wrong: the message names the mistake and how to get it right.</summary>
public sealed class UsageException(string message) : Exception(message);
