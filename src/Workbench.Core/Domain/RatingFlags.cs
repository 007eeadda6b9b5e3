namespace Workbench.Core.Domain;

[Flags]
public enum RatingFlags
{
    None = 0,
    UnsupportedClaim = 1,
    Unsafe = 2,
    Outdated = 4,
    Incomplete = 8,
}
