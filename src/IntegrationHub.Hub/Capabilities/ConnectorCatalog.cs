using IntegrationHub.Sdk.Capabilities;
using IntegrationHub.Hub.Credentials;

namespace IntegrationHub.Hub.Capabilities;

/// <summary>Every connector the hub found, and which one serves each capability.</summary>
public sealed class ConnectorCatalog(IReadOnlyList<DiscoveredConnector> discovered, IReadOnlyDictionary<Capability, CapabilityBinding> bindings)
{
    public IReadOnlyList<DiscoveredConnector> Discovered { get; } = discovered;

    public IReadOnlyDictionary<Capability, CapabilityBinding> Bindings { get; } = bindings;
}
