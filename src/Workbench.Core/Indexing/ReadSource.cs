using Workbench.Core.Ingestion;

namespace Workbench.Core.Indexing;

/// <summary>A source already read: a job counts and reports its documents before indexing them.</summary>
internal sealed class ReadSource(string name, SourceReadResult read) : IDocumentSource
{
    public string Name => name;

    public SourceReadResult Read() => read;
}
