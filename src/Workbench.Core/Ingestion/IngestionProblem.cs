namespace Workbench.Core.Ingestion;

/// <summary>A source that could not be read; it is skipped and reported, the rest is indexed.</summary>
public sealed record IngestionProblem(string Source, string Message);

/// <summary>What a source yielded: the documents it could read and the problems with the rest.</summary>
public sealed record SourceReadResult(IReadOnlyList<Domain.SourceDocument> Documents, IReadOnlyList<IngestionProblem> Problems);

/// <summary>A place documents come from: the bundled Markdown corpus or one of the evaluation data sets.</summary>
public interface IDocumentSource
{
    string Name { get; }

    SourceReadResult Read();
}
