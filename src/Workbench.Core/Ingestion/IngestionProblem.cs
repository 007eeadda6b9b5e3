namespace Workbench.Core.Ingestion;

/// <summary>A source that could not be read; it is skipped and reported, the rest is indexed.</summary>
public sealed record IngestionProblem(string Source, string Message);
