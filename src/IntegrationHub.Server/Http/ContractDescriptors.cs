using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace IntegrationHub.Server.Http;

/// <summary>
/// Every gRPC service of the hub's contracts, from the descriptors generated into the SDK. Leaves out
/// <c>integrationhub.connector.v1</c>: remote connectors serve it to the hub; the hub does not serve it.
/// </summary>
public static class ContractDescriptors
{
    public static IReadOnlyList<ServiceDescriptor> Services { get; } =
    [
        .. typeof(Contracts.Routing.V1.RoutingService)
            .Assembly.GetTypes()
            .Where(t =>
                t.Namespace?.StartsWith("IntegrationHub.Contracts", StringComparison.Ordinal) == true
                && t.Name.EndsWith("Reflection", StringComparison.Ordinal)
            )
            .Select(t => t.GetProperty("Descriptor")?.GetValue(null))
            .OfType<FileDescriptor>()
            .SelectMany(f => f.Services)
            .Where(s => !s.FullName.StartsWith("integrationhub.connector.", StringComparison.Ordinal))
            .OrderBy(s => s.FullName, StringComparer.Ordinal),
    ];
}
