using Workbench.Core.Domain;
using Workbench.Core.Ingestion;

namespace Workbench.Cli;

/// <summary>Documents already chosen (a limited or generated set), presented as a source to index.</summary>
internal sealed class FixedSource(string name, IReadOnlyList<SourceDocument> documents) : IDocumentSource
{
    public string Name => name;

    public SourceReadResult Read() => new(documents, []);
}
