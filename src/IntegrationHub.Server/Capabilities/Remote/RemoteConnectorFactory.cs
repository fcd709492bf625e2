using IntegrationHub.Sdk.Capabilities;

namespace IntegrationHub.Server.Capabilities.Remote;

/// <summary>The remote connector for a capability, over a channel to the process that serves it.</summary>
public static class RemoteConnectorFactory
{
    public static object Create(Capability capability, RemoteEndpoint endpoint) =>
        capability switch
        {
            Capability.Enrichment => new RemoteEnrichmentConnector(endpoint),
            Capability.Crm => new RemoteCrmConnector(endpoint),
            Capability.Sequencing => new RemoteSequencingConnector(endpoint),
            Capability.Marketing => new RemoteMarketingConnector(endpoint),
            Capability.Meetings => new RemoteMeetingConnector(endpoint),
            _ => throw new ArgumentOutOfRangeException(
                nameof(capability),
                capability,
                "no remote connector for this capability"
            ),
        };
}
