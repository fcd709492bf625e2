using IntegrationHub.Hub.Capabilities;
using IntegrationHub.Sdk.Capabilities;
using IntegrationHub.Server.Capabilities.Enrichment;
using IntegrationHub.Server.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IntegrationHub.Server.Capabilities.Remote;

public static class RemoteConnectorsExtensions
{
    /// <summary>
    /// The remote endpoints among <paramref name="bindings"/>: their connectors, their own health (tagged so the hub
    /// as a whole stays SERVING while one is down, as with a vendor outage), their Describe at start, and enrichment
    /// batches forwarded whole.
    /// </summary>
    public static IServiceCollection AddRemoteConnectors(
        this IServiceCollection services,
        IEnumerable<CapabilityBinding> bindings
    )
    {
        var remote = bindings.Where(b => b.RemoteEndpoint is not null).ToList();
        services.AddSingleton(sp => new RemoteEndpoints(remote, sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<RemoteDescriptionAtStart>();
        var checks = services.AddHealthChecks();
        foreach (var binding in remote)
        {
            var capability = binding.Capability;
            checks.Add(
                new HealthCheckRegistration(
                    capability.Key() + "." + HealthExtensions.RemoteTag,
                    sp => new RemoteHealthCheck(
                        sp.GetRequiredService<RemoteEndpoints>().Of(capability)!,
                        CapabilityServiceNames.ByCapability[capability],
                        sp.GetRequiredService<ILogger<RemoteHealthCheck>>()
                    ),
                    failureStatus: null,
                    tags: [capability.Key(), HealthExtensions.RemoteTag]
                )
            );
            if (capability == Capability.Enrichment)
            {
                services.AddSingleton(sp =>
                    (IEnrichmentBatch)sp.GetRequiredService<RemoteEndpoints>().Connector(Capability.Enrichment)
                );
            }
        }

        return services;
    }
}
