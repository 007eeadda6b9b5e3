using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Workbench.Core.Telemetry;
using Workbench.Web.Security;

namespace Workbench.Web;

/// <summary>The web host's part of OpenTelemetry: requests, Blazor events and circuits, and the Prometheus scrape endpoint.</summary>
public static class WebTelemetry
{
    public const string MetricsPath = "/metrics";

    /// <summary>Blazor's own sources: a question asked on the page is traced from the event that asked it.</summary>
    private static readonly string[] ComponentSources = ["Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Components.Server.Circuits"];

    /// <summary>Also the Operations page's in-process measurements, which need no exporter.</summary>
    public static IOpenTelemetryBuilder WithWebInstrumentation(this IOpenTelemetryBuilder telemetry, IConfiguration configuration)
    {
        telemetry.Services.AddSingleton<OperationsMonitor>();
        telemetry.Services.AddHostedService(sp => sp.GetRequiredService<OperationsMonitor>());
        telemetry.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddAspNetCoreInstrumentation().AddSource(ComponentSources));
        // Open circuits are aspnetcore.components.circuit.active on the circuits meter.
        telemetry.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddAspNetCoreInstrumentation().AddMeter(ComponentSources));
        if (configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.Prometheus == true)
        {
            telemetry.WithMetrics(metrics => metrics.AddPrometheusExporter());
        }

        return telemetry;
    }

    /// <summary>The scrape endpoint, when enabled: admins only, like /api/health's details (a scraper sends an admin's API token).</summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.Prometheus)
        {
            // A scrape is a GET; the exporter's endpoint would otherwise answer any method.
            app.MapPrometheusScrapingEndpoint(MetricsPath).WithMetadata(new HttpMethodMetadata([HttpMethods.Get])).RequireAuthorization(Policies.Admin);
        }

        return app;
    }
}
