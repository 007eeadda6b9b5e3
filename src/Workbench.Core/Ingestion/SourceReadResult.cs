namespace Workbench.Core.Ingestion;

/// <summary>What a source yielded: the documents it could read and the problems with the rest.</summary>
public sealed record SourceReadResult(IReadOnlyList<Domain.SourceDocument> Documents, IReadOnlyList<IngestionProblem> Problems);
