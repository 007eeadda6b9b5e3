namespace Workbench.Core.Domain;

public enum DocumentType
{
    Guideline,
    Research,
}
