using System.Reflection;
using Microsoft.Extensions.Configuration;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Workbench.Core.Telemetry;

namespace Workbench.Core.Hosting;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// OpenTelemetry for a workbench host: its own spans and metrics, the HTTP, gRPC (Qdrant) and runtime
    /// instrumentations, the service's resource attributes, and, when <c>Telemetry:Otlp:Endpoint</c> is set,
    /// traces, metrics and logs (with their trace ids) exported to that collector. With no endpoint nothing
    /// leaves the process and no OpenTelemetry provider runs. A host adds its own instrumentation and exporters
    /// to the returned builder.
    /// </summary>
    public static IOpenTelemetryBuilder AddWorkbenchTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<TelemetryOptions>(configuration, TelemetryOptions.Section);
        // Which exporters run is decided while the services are registered, so it is read here as well.
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();

        var version = Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(WorkbenchTelemetry).Assembly.GetName().Version?.ToString();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceVersion: version, autoGenerateServiceInstanceId: true));
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .AddSource(WorkbenchTelemetry.Name)
            .AddHttpClientInstrumentation()
            .AddGrpcClientInstrumentation());
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics
            .AddMeter(WorkbenchTelemetry.Name)
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation());
        if (options.Otlp.Endpoint is { } endpoint)
        {
            telemetry.WithTracing().WithMetrics().WithLogging()
                .UseOtlpExporter(options.Otlp.Protocol == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf, endpoint);
        }

        return telemetry;
    }
}
