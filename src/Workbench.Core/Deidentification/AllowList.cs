namespace Workbench.Core.Deidentification;

/// <summary>
/// Terms an administrator has declared public (the clinic's own name, a local programme): a redaction
/// that lies wholly inside one of them is not made. Matching ignores case and needs whole words.
/// </summary>
public sealed class AllowList
{
    public static readonly AllowList Empty = new([]);

    private readonly IReadOnlyList<string> terms;

    public AllowList(IEnumerable<string> terms) =>
        this.terms = terms.Select(t => t.Trim()).Where(t => t.Length > 0 && !t.StartsWith('#')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public IReadOnlyList<string> Terms => terms;

    /// <summary>One term a line; blank lines and lines starting with # are ignored. A missing file allows nothing.</summary>
    public static AllowList Load(string path) => File.Exists(path) ? new AllowList(File.ReadLines(path)) : Empty;

    /// <summary>Where the allowed terms occur in a text, as (start, end) spans.</summary>
    public IEnumerable<(int Start, int End)> Occurrences(string text)
    {
        foreach (var term in terms)
        {
            for (var i = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(term, i + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = i + term.Length;
                if ((i == 0 || !char.IsLetterOrDigit(text[i - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                {
                    yield return (i, end);
                }
            }
        }
    }
}
