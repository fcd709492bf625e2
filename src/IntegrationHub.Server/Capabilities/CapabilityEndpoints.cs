namespace IntegrationHub.Server.Capabilities;

// Placeholder until the gRPC edge lands: replaced by the real mapping.
public static class CapabilityEndpoints
{
    public static IEndpointRouteBuilder MapCapabilityServices(this IEndpointRouteBuilder endpoints) => endpoints;
}
