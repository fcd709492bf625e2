using IntegrationHub.Sdk.Capabilities;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IntegrationHub.Server.Health;

/// <summary>
/// A capability is healthy when its connector can be built from its validated options.
/// Vendor reachability shows in each call's status (UNAVAILABLE) rather than here, so a
/// vendor blip does not take the whole hub out of a load balancer.
/// </summary>
internal sealed class CapabilityHealthCheck(IServiceProvider services, Capability capability) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        try
        {
            services.GetRequiredService(CapabilityInterfaces.ByCapability[capability]);
            return Task.FromResult(HealthCheckResult.Healthy($"{capability.Key()} connector ready"));
        }
        catch (Exception ex)
            when (ex is InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            return Task.FromResult(
                HealthCheckResult.Unhealthy($"{capability.Key()} connector cannot start: {ex.Message}")
            );
        }
    }
}
