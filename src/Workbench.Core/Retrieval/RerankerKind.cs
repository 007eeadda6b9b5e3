namespace Workbench.Core.Retrieval;

public enum RerankerKind
{
    None,
    Lexical,
}
