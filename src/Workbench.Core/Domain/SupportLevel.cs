namespace Workbench.Core.Domain;

/// <summary>Whether the passages a sentence cites support it (see the citation verifier).</summary>
public enum SupportLevel
{
    Supported,
    Partial,
    Unsupported,
}
