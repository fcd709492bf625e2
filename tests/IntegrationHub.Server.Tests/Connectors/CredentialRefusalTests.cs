using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Grpc.Core;
using Grpc.Health.V1;
using IntegrationHub.Connectors.Outreach.Fake;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Contracts.Sequencing.V1;
using IntegrationHub.Hub.Telemetry;
using IntegrationHub.Sdk.Http;
using IntegrationHub.Server.Composition;
using IntegrationHub.Server.Health;
using IntegrationHub.Server.Tests.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Server.Tests.Connectors;

/// <summary>
/// A hub whose Outreach refresh token was rotated away (a second installation of the app, a
/// restored database) says so: sequencing health NOT_SERVING, the connector catalog (what
/// `hubctl connectors` prints) "credentials refused since …" with the reason, one error log
/// and a metric; the hub as a whole keeps serving. A later success clears all of it.
/// </summary>
public sealed class CredentialRefusalTests
{
    private static readonly string Sequencing = CapabilityServiceNames.ByCapability[
        Sdk.Capabilities.Capability.Sequencing
    ];

    [Fact]
    public async Task A_refused_refresh_token_shows_in_health_and_the_catalog_is_logged_once_and_clears_on_success()
    {
        var logs = new CapturingLogs();
        var refusedGauge = new ConcurrentDictionary<string, int>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == HubMetrics.Name && instrument.Name == "hub.connector.credentials_refused")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>(
            (_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag is { Key: "connector", Value: "Outreach" })
                    {
                        refusedGauge.AddOrUpdate("Outreach", value, (_, sum) => sum + value);
                    }
                }
            }
        );
        listener.Start();
        using var hub = new SandboxHub(services: s => s.AddSingleton<ILoggerProvider>(logs));
        var fake = hub.Sandbox<OutreachSandbox>().Fake!;
        var sequencing = new SequencingService.SequencingServiceClient(hub.Channel);
        var health = new Grpc.Health.V1.Health.HealthClient(hub.Channel);
        var catalog = new ConnectorCatalogService.ConnectorCatalogServiceClient(hub.Channel);
        await sequencing.GetProspectAsync(new GetProspectRequest { Email = "jane.doe@acme.com" });

        // Another installation of the app refreshes: the hub's stored token and its configured one are both spent.
        var theirs = fake.RotateElsewhere();
        fake.ExpireTokens();
        for (var i = 0; i < 3; i++)
        {
            var failed = await Assert.ThrowsAsync<RpcException>(() =>
                sequencing.GetProspectAsync(new GetProspectRequest { Email = "jane.doe@acme.com" }).ResponseAsync
            );
            Assert.Equal(StatusCode.Unavailable, failed.StatusCode);
        }

        Assert.Equal(
            HealthCheckResponse.Types.ServingStatus.NotServing,
            (await health.CheckAsync(new HealthCheckRequest { Service = Sequencing })).Status
        );
        Assert.Equal(
            HealthCheckResponse.Types.ServingStatus.Serving,
            (await health.CheckAsync(new HealthCheckRequest())).Status
        );
        var outreach = (await catalog.ListConnectorsAsync(new ListConnectorsRequest())).Connectors.Single(c =>
            c.Name == "Outreach"
        );
        Assert.Equal(ConnectorHealth.Unhealthy, outreach.Health);
        Assert.Contains(
            "Outreach credentials refused since 2026-11-18 15:00:00Z",
            outreach.HealthDetail,
            StringComparison.Ordinal
        );
        Assert.Contains("invalid_grant", outreach.HealthDetail, StringComparison.Ordinal);
        Assert.Contains("re-authorize", outreach.HealthDetail, StringComparison.Ordinal);
        Assert.Single(logs.Entries, e =>
            e.Level == LogLevel.Error
            && e.Message.StartsWith("Outreach refuses the hub's credentials", StringComparison.Ordinal)
        );
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(theirs, StringComparison.Ordinal));
        Assert.Equal(1, refusedGauge.GetValueOrDefault("Outreach"));

        // An admin re-authorizes; the hub's next call gets in and everything clears.
        await hub
            .Services.GetRequiredService<IConnectorCredentialStore>()
            .SetAsync("Outreach", "refresh_token", theirs, CancellationToken.None);
        await sequencing.GetProspectAsync(new GetProspectRequest { Email = "jane.doe@acme.com" });

        Assert.Equal(
            HealthCheckResponse.Types.ServingStatus.Serving,
            (await health.CheckAsync(new HealthCheckRequest { Service = Sequencing })).Status
        );
        var recovered = (await catalog.ListConnectorsAsync(new ListConnectorsRequest())).Connectors.Single(c =>
            c.Name == "Outreach"
        );
        Assert.Equal(ConnectorHealth.Healthy, recovered.Health);
        Assert.Equal("", recovered.HealthDetail);
        Assert.Single(logs.Entries, e =>
            e.Message.StartsWith("Outreach accepts the hub's credentials again", StringComparison.Ordinal)
        );
        Assert.Equal(0, refusedGauge.GetValueOrDefault("Outreach"));
    }

    private sealed class CapturingLogs : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Capturing(this);

        public void Dispose() { }

        private sealed class Capturing(CapturingLogs owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(
                LogLevel logLevel,
                EventId eventId,
                TState state,
                Exception? exception,
                Func<TState, Exception?, string> formatter
            ) => owner.Entries.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
