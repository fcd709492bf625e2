using IntegrationHub.Hub.Credentials;
using IntegrationHub.Sdk.Capabilities;

namespace IntegrationHub.Hub.Capabilities;

/// <summary>Every connector the hub found, and which one serves each capability.</summary>
public sealed class ConnectorCatalog(
    IReadOnlyList<DiscoveredConnector> discovered,
    IReadOnlyDictionary<Capability, CapabilityBinding> bindings
)
{
    public IReadOnlyList<DiscoveredConnector> Discovered { get; } = discovered;

    public IReadOnlyDictionary<Capability, CapabilityBinding> Bindings { get; } = bindings;
}
