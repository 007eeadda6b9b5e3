namespace Workbench.Core.Ingestion;

/// <summary>A place documents come from: the bundled Markdown corpus or one of the evaluation data sets.</summary>
public interface IDocumentSource
{
    string Name { get; }

    SourceReadResult Read();
}
