using Workbench.Core.Security;

namespace Workbench.Core.Ingestion.Uploads;

/// <summary>
/// Uploads as admins make them, from the admin page or the API: each file stored de-identified (or
/// refused, with the reason) and its outcome written to the audit trail, whichever way it came.
/// </summary>
public sealed class AuditedUploads(CorpusUploads uploads, AuditTrail audit)
{
    public async Task<UploadResult> AddAsync(Actor actor, string fileName, Stream content, CancellationToken cancellationToken = default) =>
        await RecordAsync(actor, await uploads.AddAsync(fileName, content, cancellationToken), cancellationToken);

    /// <summary>A file refused before it was read (the page checks its size first), audited like the others.</summary>
    public Task<UploadResult> RejectAsync(Actor actor, string fileName, string reason, CancellationToken cancellationToken = default) =>
        RecordAsync(actor, UploadResult.Reject(fileName, reason), cancellationToken);

    private async Task<UploadResult> RecordAsync(Actor actor, UploadResult result, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(actor, result, cancellationToken);
        return result;
    }
}
