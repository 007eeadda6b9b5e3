namespace Workbench.Core.Persistence;

public enum CitationKind
{
    Cited = 0,
    Closest = 1,
}
