namespace Workbench.Core.Deidentification;

/// <summary>Which part of a document a redaction was made in.</summary>
public enum DocumentField
{
    Title,
    Heading,
    Text,
}
