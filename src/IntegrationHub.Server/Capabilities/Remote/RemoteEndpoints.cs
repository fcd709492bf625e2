using System.Collections.Concurrent;
using IntegrationHub.Hub.Capabilities;
using IntegrationHub.Sdk.Capabilities;

namespace IntegrationHub.Server.Capabilities.Remote;

/// <summary>The remote connector processes configuration points capabilities at, one endpoint each.</summary>
public sealed class RemoteEndpoints(IEnumerable<CapabilityBinding> remoteBindings, TimeProvider time) : IDisposable
{
    private readonly IReadOnlyDictionary<Capability, RemoteEndpoint> _endpoints = remoteBindings.ToDictionary(
        b => b.Capability,
        b => new RemoteEndpoint(b, time)
    );
    private readonly ConcurrentDictionary<Capability, object> _connectors = new();

    public IEnumerable<RemoteEndpoint> All => _endpoints.Values;

    public RemoteEndpoint? Of(Capability capability) => _endpoints.GetValueOrDefault(capability);

    /// <summary>The capability's connector over its endpoint, made once.</summary>
    public object Connector(Capability capability) =>
        _connectors.GetOrAdd(capability, c => RemoteConnectorFactory.Create(c, _endpoints[c]));

    public void Dispose()
    {
        foreach (var endpoint in _endpoints.Values)
        {
            endpoint.Dispose();
        }
    }
}
