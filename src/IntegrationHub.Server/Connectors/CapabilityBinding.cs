using IntegrationHub.Sdk.Capabilities;

namespace IntegrationHub.Server.Connectors;

/// <summary>Which connector serves a capability: a discovered plugin or a remote endpoint.</summary>
public sealed record CapabilityBinding(Capability Capability, DiscoveredConnector? Connector, Uri? RemoteEndpoint)
{
    /// <summary>True when the connector talks to its in-process sandbox fake.</summary>
    public bool Sandbox { get; init; }

    public string ConnectorName => Connector?.Descriptor.Name ?? $"remote:{RemoteEndpoint}";
}
