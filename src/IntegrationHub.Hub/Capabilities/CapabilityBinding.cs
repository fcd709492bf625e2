using IntegrationHub.Hub.Credentials;
using IntegrationHub.Sdk.Capabilities;

namespace IntegrationHub.Hub.Capabilities;

/// <summary>Which connector serves a capability: a discovered plugin or a remote endpoint.</summary>
public sealed record CapabilityBinding(Capability Capability, DiscoveredConnector? Connector, Uri? RemoteEndpoint)
{
    /// <summary>True when the connector talks to its in-process sandbox fake.</summary>
    public bool Sandbox { get; init; }

    /// <summary>TLS settings towards <see cref="RemoteEndpoint"/>.</summary>
    public RemoteTlsOptions RemoteTls { get; init; } = new();

    public string ConnectorName => Connector?.Descriptor.Name ?? $"remote:{RemoteEndpoint}";
}
