using Grpc.Core;
using IntegrationHub.Sdk.Capabilities;

namespace IntegrationHub.Server.Capabilities.Remote;

/// <summary>The remote connector for a capability, over a channel to the process that serves it.</summary>
public static class RemoteConnectorFactory
{
    public static object Create(Capability capability, CallInvoker invoker, string name) =>
        capability switch
        {
            Capability.Enrichment => new RemoteEnrichmentConnector(invoker, name),
            Capability.Crm => new RemoteCrmConnector(invoker, name),
            Capability.Sequencing => new RemoteSequencingConnector(invoker, name),
            Capability.Marketing => new RemoteMarketingConnector(invoker, name),
            Capability.Meetings => new RemoteMeetingConnector(invoker, name),
            _ => throw new ArgumentOutOfRangeException(
                nameof(capability),
                capability,
                "no remote connector for this capability"
            ),
        };
}
