using System.ComponentModel.DataAnnotations;
using Workbench.Core.Telemetry;

namespace Workbench.UnitTests.Telemetry;

public class TelemetryOptionsTests
{
    private static List<string> Errors(TelemetryOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToList();
    }

    [Fact]
    public void TheDefaultsExportNothingAndAreValid()
    {
        var options = new TelemetryOptions();

        Assert.Empty(Errors(options));
        Assert.Null(options.Otlp.Endpoint);
        Assert.False(options.Prometheus);
        Assert.False(options.IncludeQuestionText);
    }

    [Theory]
    [InlineData("ftp://collector:4317", "grpc", "absolute http or https")]
    [InlineData("http://collector:4318", "json", "grpc or http/protobuf")]
    public void AnEndpointThatIsNotHttpOrAnUnknownProtocolIsRefusedByName(string endpoint, string protocol, string expected)
    {
        var options = new TelemetryOptions { Otlp = new OtlpOptions { Endpoint = new Uri(endpoint), Protocol = protocol } };

        Assert.Contains(Errors(options), e => e.Contains(expected, StringComparison.Ordinal) && e.StartsWith("Telemetry:Otlp:", StringComparison.Ordinal));
    }

    [Fact]
    public void ACollectorOverGrpcOrHttpIsAccepted()
    {
        Assert.Empty(Errors(new TelemetryOptions { Otlp = new OtlpOptions { Endpoint = new Uri("http://otel-collector:4317") } }));
        Assert.Empty(Errors(new TelemetryOptions { Otlp = new OtlpOptions { Endpoint = new Uri("https://otel.example.org"), Protocol = "http/protobuf" } }));
    }
}
