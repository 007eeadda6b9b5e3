using Workbench.Core.Deidentification;

namespace Workbench.Core.Ingestion.Uploads;

/// <summary>An uploaded document's redactions in context, as kept beside it; no contexts when it was stored before they were kept.</summary>
public sealed record UploadedRedactions(string DocumentId, IReadOnlyList<RedactionContext>? Contexts);
