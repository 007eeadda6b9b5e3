using Workbench.Core.Security;

namespace Workbench.Core.Deidentification;

/// <summary>
/// The allow list as configured: read afresh whenever documents are de-identified, so a change applies from
/// the next upload or reindex. Changes made through the application are audited with the terms added and removed.
/// </summary>
public sealed class DeidentificationSettings(IOptions<DeidentificationOptions> options, AuditTrail audit)
{
    public const int MaxTerms = 1000;
    public const int MaxTermLength = 200;

    private readonly SemaphoreSlim writing = new(1, 1);

    public string AllowListFile => options.Value.AllowListPath;

    public AllowList AllowList() => options.Value.ReadAllowList();

    public async Task SaveAllowListAsync(Actor actor, IEnumerable<string> terms, CancellationToken cancellationToken = default)
    {
        var next = new AllowList(terms);
        if (next.Terms.Count > MaxTerms || next.Terms.Any(t => t.Length > MaxTermLength || t.Contains('\n')))
        {
            throw new ArgumentException($"at most {MaxTerms} terms of up to {MaxTermLength} characters each");
        }

        await writing.WaitAsync(cancellationToken);
        try
        {
            var previous = AllowList();
            var added = next.Terms.Except(previous.Terms, StringComparer.OrdinalIgnoreCase).ToList();
            var removed = previous.Terms.Except(next.Terms, StringComparer.OrdinalIgnoreCase).ToList();
            if (added.Count == 0 && removed.Count == 0)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(AllowListFile)!);
            var temporary = AllowListFile + ".tmp";
            await File.WriteAllLinesAsync(temporary, next.Terms, cancellationToken);
            File.Move(temporary, AllowListFile, overwrite: true);
            await audit.RecordAsync(actor, AuditActions.AllowListChanged, Path.GetFileName(AllowListFile),
                $"added: {string.Join(" | ", added)}; removed: {string.Join(" | ", removed)}", cancellationToken);
        }
        finally
        {
            writing.Release();
        }
    }
}
