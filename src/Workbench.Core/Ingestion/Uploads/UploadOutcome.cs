namespace Workbench.Core.Ingestion.Uploads;

public enum UploadOutcome
{
    Accepted,
    Skipped,
    Rejected,
}
