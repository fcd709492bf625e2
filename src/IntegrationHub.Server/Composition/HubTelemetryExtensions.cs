using IntegrationHub.Hub.Capabilities;
using IntegrationHub.Hub.Composition;
using IntegrationHub.Hub.Credentials;
using IntegrationHub.Hub.Telemetry;
using IntegrationHub.Routing;
using IntegrationHub.Server.Plugins;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IntegrationHub.Server.Composition;

public static class HubTelemetryExtensions
{
    /// <summary>
    /// OpenTelemetry: traces across the incoming call, the fact fan-out and each vendor HTTP call;
    /// the hub's and the routing engine's metrics. OTLP export when <c>Telemetry:Otlp:Endpoint</c>
    /// is set; a Prometheus scrape endpoint unless turned off (off by default in sandbox mode).
    /// </summary>
    public static WebApplicationBuilder AddHubTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = builder.Configuration.GetValue<Uri?>("Telemetry:Otlp:Endpoint");
        var prometheus = PrometheusEnabled(builder);
        // Nothing to send to: no SDK at all, so spans and measurements cost nothing.
        if (otlp is null && !prometheus)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService("integrationhub"));
        if (otlp is not null)
        {
            // Spans only go somewhere over OTLP; without it they are not even created.
            telemetry.WithTracing(t =>
                t.AddSource(RoutingTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddOtlpExporter(o => o.Endpoint = otlp)
            );
        }

        telemetry.WithMetrics(m =>
        {
            m.AddMeter(HubMetrics.Name, RoutingTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation();
            if (otlp is not null)
            {
                m.AddOtlpExporter(o => o.Endpoint = otlp);
            }

            if (prometheus)
            {
                m.AddPrometheusExporter();
            }
        });
        builder.Services.AddHostedService<OutboxSampler>();
        return builder;
    }

    /// <summary>
    /// The Prometheus scrape endpoint at /metrics, when enabled (it carries no personal data: rules, connectors,
    /// counts).
    /// </summary>
    public static WebApplication MapHubTelemetry(this WebApplication app)
    {
        if (PrometheusEnabled(app.Configuration, app.Services.GetRequiredService<ConnectorCatalog>()))
        {
            app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        }

        return app;
    }

    private static bool PrometheusEnabled(WebApplicationBuilder builder) =>
        PrometheusEnabled(
            builder.Configuration,
            builder.Services.Select(d => d.ImplementationInstance).OfType<ConnectorCatalog>().FirstOrDefault()
        );

    private static bool PrometheusEnabled(IConfiguration configuration, ConnectorCatalog? catalog) =>
        configuration.GetValue<bool?>("Telemetry:Prometheus:Enabled")
        ?? catalog?.Bindings.Values.Any(b => b.Sandbox) != true;
}
