using IntegrationHub.Sdk.Capabilities;

namespace IntegrationHub.Server.Health;

internal static class HealthExtensions
{
    /// <summary>Tags the checks that report refused vendor credentials.</summary>
    public const string CredentialsTag = "credentials";

    /// <summary>Tags the checks that ask a remote connector process for its own health.</summary>
    public const string RemoteTag = "remote";

    /// <summary>
    /// Two health checks per capability (its connector can start; its vendor accepts the hub's
    /// credentials), reported through grpc.health.v1 under the capability's gRPC service name.
    /// The empty name, the hub as a whole, leaves out refused credentials and remote connectors' own
    /// health: routing still answers without that vendor, and every instance would otherwise leave the
    /// load balancer at once.
    /// </summary>
    public static IServiceCollection AddCapabilityHealthChecks(
        this IServiceCollection services,
        IEnumerable<Capability> capabilities
    )
    {
        var list = capabilities.ToList();
        var checks = services.AddHealthChecks();
        foreach (var capability in list)
        {
            checks.Add(
                new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                    capability.Key(),
                    sp => new CapabilityHealthCheck(sp, capability),
                    failureStatus: null,
                    tags: [capability.Key()]
                )
            );
            checks.Add(
                new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                    capability.Key() + "." + CredentialsTag,
                    sp => new CredentialHealthCheck(
                        sp.GetRequiredService<IntegrationHub.Hub.Credentials.CredentialRefusals>(),
                        sp.GetRequiredService<IntegrationHub.Hub.Capabilities.ConnectorCatalog>(),
                        capability
                    ),
                    failureStatus: null,
                    tags: [capability.Key(), CredentialsTag]
                )
            );
        }

        services.AddGrpcHealthChecks(o =>
        {
            o.Services.Map("", r => !r.Tags.Contains(CredentialsTag) && !r.Tags.Contains(RemoteTag));
            foreach (var capability in list)
            {
                o.Services.Map(CapabilityServiceNames.ByCapability[capability], r => r.Tags.Contains(capability.Key()));
            }
        });
        return services;
    }
}
