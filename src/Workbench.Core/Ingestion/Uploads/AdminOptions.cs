namespace Workbench.Core.Ingestion.Uploads;

public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Where uploaded documents are kept, de-identified and normalised to Markdown; a relative folder is taken from <see cref="DataRoot"/>.</summary>
    [Required]
    public string UploadDirectory { get; set; } = ".data/uploads";

    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    [Range(1, 1000)]
    public int MaxFilesPerUpload { get; set; } = 50;

    /// <summary>One upload request, all its files together; a bigger body is refused before it is read.</summary>
    [Range(1024, 4L * 1024 * 1024 * 1024)]
    public long MaxUploadRequestBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>Text read from one file (every format, titles and headings included) beyond this is refused.</summary>
    [Range(10_000, 100_000_000)]
    public int MaxExtractedCharacters { get; set; } = 5_000_000;

    [Range(1, 100_000)]
    public int MaxPdfPages { get; set; } = 2000;

    /// <summary>What one PDF's compressed streams may decompress to, all together; counted before it is allocated.</summary>
    [Range(1024 * 1024, 4L * 1024 * 1024 * 1024)]
    public long MaxPdfDecodedBytes { get; set; } = 256 * 1024 * 1024;

    /// <summary>Reading and de-identifying one file stop after this long: the file is refused.</summary>
    [Range(1, 3600)]
    public int MaxProcessingSeconds { get; set; } = 60;

    /// <summary>Index versions kept beside the live one, for rollback; older ones are deleted after a reindex.</summary>
    [Range(0, 20)]
    public int RetainPreviousVersions { get; set; } = 1;

    /// <summary>Documents per indexing batch in a reindex: the checkpoint and progress granularity.</summary>
    [Range(1, 1000)]
    public int ReindexBatchDocuments { get; set; } = 8;
}
