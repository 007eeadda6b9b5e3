using Workbench.Core.Ingestion.Datasets;

namespace Workbench.Core.Ingestion;

public static class DocumentSources
{
    /// <summary>Picks the reader for a folder: a known data set layout, else a Markdown corpus.</summary>
    public static IDocumentSource ForDirectory(string directory)
    {
        if (PubMedQaSource.Recognises(directory))
        {
            return new PubMedQaSource(directory);
        }

        return MedQuadSource.Recognises(directory) ? new MedQuadSource(directory) : new MarkdownCorpusSource(directory);
    }
}
