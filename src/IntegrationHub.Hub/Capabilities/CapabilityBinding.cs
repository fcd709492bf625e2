using IntegrationHub.Hub.Credentials;
using IntegrationHub.Sdk.Capabilities;
using IntegrationHub.Sdk.Http;

namespace IntegrationHub.Hub.Capabilities;

/// <summary>Which connector serves a capability: a discovered plugin or a remote endpoint.</summary>
public sealed record CapabilityBinding(Capability Capability, DiscoveredConnector? Connector, Uri? RemoteEndpoint)
{
    /// <summary>True when the connector talks to its in-process sandbox fake.</summary>
    public bool Sandbox { get; init; }

    /// <summary>TLS settings towards <see cref="RemoteEndpoint"/>.</summary>
    public RemoteTlsOptions RemoteTls { get; init; } = new();

    /// <summary>Timeouts, retries and the circuit breaker towards <see cref="RemoteEndpoint"/>.</summary>
    public ConnectorResilienceOptions RemoteResilience { get; init; } = new();

    /// <summary>What the remote process said it is (its Describe answer), once it said so.</summary>
    public RemoteIdentity? Remote { get; init; }

    /// <summary>The name shown for the connector: a remote one by what it says it is, else by its address.</summary>
    public string ConnectorName => Connector?.Descriptor.Name ?? Remote?.Name ?? Fallback;

    /// <summary>
    /// The name the connector's credential state is kept under: unlike <see cref="ConnectorName"/>, it never
    /// changes once a remote connector has described itself.
    /// </summary>
    public string CredentialKey => Connector?.Descriptor.Name ?? Fallback;

    private string Fallback => $"remote:{RemoteEndpoint}";
}
