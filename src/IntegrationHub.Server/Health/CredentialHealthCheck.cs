using System.Globalization;
using IntegrationHub.Hub.Capabilities;
using IntegrationHub.Hub.Credentials;
using IntegrationHub.Sdk.Capabilities;
using IntegrationHub.Server.Plugins;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IntegrationHub.Server.Health;

/// <summary>
/// A capability is unhealthy while its vendor refuses the hub's credentials: nothing it does can
/// succeed until someone renews them, unlike a vendor outage, which passes by itself.
/// </summary>
internal sealed class CredentialHealthCheck(
    CredentialRefusals refusals,
    ConnectorCatalog catalog,
    Capability capability
) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        var binding = catalog.Bindings[capability];
        var connector = binding.ConnectorName;
        return Task.FromResult(
            refusals.Of(binding.CredentialKey) is { } refused
                ? HealthCheckResult.Unhealthy(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{connector} credentials refused since {refused.Since:yyyy-MM-dd HH:mm:ss}Z: {refused.Reason}"
                    )
                )
                : HealthCheckResult.Healthy($"{connector} credentials accepted")
        );
    }
}
