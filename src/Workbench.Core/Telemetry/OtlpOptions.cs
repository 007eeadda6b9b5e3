namespace Workbench.Core.Telemetry;

public sealed class OtlpOptions
{
    public Uri? Endpoint { get; set; }

    /// <summary>grpc (port 4317, the default) or http/protobuf (port 4318).</summary>
    public string Protocol { get; set; } = "grpc";
}
