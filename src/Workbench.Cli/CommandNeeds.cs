namespace Workbench.Cli;

/// <summary>What a command needs started before it runs.</summary>
[Flags]
public enum CommandNeeds
{
    None = 0,
    Qdrant = 1,
    Model = 2,
}
