namespace Workbench.Core.Ingestion.Uploads;

/// <summary>Several sources read as one: the bundled corpus and the uploads.</summary>
public sealed class CombinedSource(IReadOnlyList<IDocumentSource> sources) : IDocumentSource
{
    public string Name => string.Join(" + ", sources.Select(s => s.Name));

    public SourceReadResult Read()
    {
        var reads = sources.Select(s => s.Read()).ToList();
        return new SourceReadResult(reads.SelectMany(r => r.Documents).ToList(), reads.SelectMany(r => r.Problems).ToList());
    }
}
