using Workbench.Core.Deidentification;

namespace Workbench.Core.Ingestion.Uploads;

/// <summary>What became of one uploaded file: its documents and what was de-identified in them, or why it was refused.</summary>
public sealed record UploadResult(string FileName, UploadOutcome Outcome, string Message, int Documents, IReadOnlyList<DocumentRedactions> Redactions)
{
    public static UploadResult Reject(string fileName, string reason) => new(fileName, UploadOutcome.Rejected, reason, 0, []);
}
