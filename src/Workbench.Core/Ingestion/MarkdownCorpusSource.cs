namespace Workbench.Core.Ingestion;

/// <summary>The bundled corpus: every <c>*.md</c> file of a folder, the file name (without extension) as document id.</summary>
public sealed class MarkdownCorpusSource(string directory) : IDocumentSource
{
    public string Name => $"corpus {directory}";

    public SourceReadResult Read()
    {
        if (!Directory.Exists(directory))
        {
            return new SourceReadResult([], [new IngestionProblem(directory, "corpus folder does not exist")]);
        }

        var documents = new List<SourceDocument>();
        var problems = new List<IngestionProblem>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (string.Equals(Path.GetFileName(path), "README.md", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            try
            {
                documents.Add(MarkdownDocumentParser.Parse(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path)));
            }
            catch (FormatException ex)
            {
                problems.Add(new IngestionProblem(Path.GetFileName(path), ex.Message));
            }
        }

        return new SourceReadResult(documents, problems);
    }
}
