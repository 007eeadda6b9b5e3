namespace Workbench.Core.Telemetry;

/// <summary>Where traces, metrics and logs go (nowhere outside the process by default).</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "Telemetry";

    /// <summary>The service name in every exported resource; a deployment running several workbenches names each.</summary>
    [Required]
    public string ServiceName { get; set; } = "clinician-workbench";

    /// <summary>The OTLP (gRPC) collector traces, metrics and logs are sent to, e.g. http://otel-collector:4317; off when empty.</summary>
    public OtlpOptions Otlp { get; set; } = new();

    /// <summary>Serves the metrics at /metrics for a Prometheus scrape, to admins only (an admin's API token as the bearer).</summary>
    public bool Prometheus { get; set; }

    /// <summary>
    /// Adds the question text to the ask span. For debugging on a non-production system only: a question may
    /// name a patient, and a trace leaves the workbench for whatever collector is configured.
    /// </summary>
    public bool IncludeQuestionText { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Otlp.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult("Telemetry:Otlp:Endpoint must be an absolute http or https address, e.g. http://otel-collector:4317.", [nameof(Otlp)]);
        }

        if (Otlp.Protocol is not ("grpc" or "http/protobuf"))
        {
            yield return new ValidationResult("Telemetry:Otlp:Protocol must be grpc or http/protobuf.", [nameof(Otlp)]);
        }
    }
}
