using IntegrationHub.Sdk.Capabilities;

namespace IntegrationHub.Server.Health;

internal static class HealthExtensions
{
    /// <summary>
    /// One health check per capability, reported through grpc.health.v1 under the capability's
    /// gRPC service name, and all of them under the empty name for the hub as a whole.
    /// </summary>
    public static IServiceCollection AddCapabilityHealthChecks(this IServiceCollection services, IEnumerable<Capability> capabilities)
    {
        var list = capabilities.ToList();
        var checks = services.AddHealthChecks();
        foreach (var capability in list)
        {
            checks.Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                capability.Key(),
                sp => new CapabilityHealthCheck(sp, capability),
                failureStatus: null,
                tags: [capability.Key()]));
        }

        services.AddGrpcHealthChecks(o =>
        {
            foreach (var capability in list)
            {
                o.Services.Map(CapabilityServiceNames.ByCapability[capability], r => r.Tags.Contains(capability.Key()));
            }
        });
        return services;
    }
}
