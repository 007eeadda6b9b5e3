using Workbench.Core.Ingestion;

namespace Workbench.Core.Deidentification;

public sealed class DeidentificationOptions
{
    public const string Section = "Deidentification";

    /// <summary>Terms never redacted, one a line (the clinic's public name, a local programme); read at each indexing.</summary>
    [Required]
    public string AllowListFile { get; set; } = ".data/deidentification-allow-list.txt";

    /// <summary>The allow list's file: a relative path is taken from the repository, as the upload folder is.</summary>
    public string AllowListPath => DataRoot.Resolve(AllowListFile);

    /// <summary>The allow list as the file has it now.</summary>
    public AllowList ReadAllowList() => AllowList.Load(AllowListPath);
}
