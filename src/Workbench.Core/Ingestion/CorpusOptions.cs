namespace Workbench.Core.Ingestion;

public sealed class CorpusOptions
{
    public const string Section = "Corpus";

    /// <summary>The bundled corpus, indexed on start when the collection is empty.</summary>
    [Required]
    public string Directory { get; set; } = "corpus";

    public bool IndexOnStartWhenEmpty { get; set; } = true;
}
