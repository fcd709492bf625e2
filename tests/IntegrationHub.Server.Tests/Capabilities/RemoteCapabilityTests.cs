using Grpc.Core;
using IntegrationHub.Contracts.Enrichment.V1;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Tests.Hosting;

namespace IntegrationHub.Server.Tests.Capabilities;

/// <summary>A capability served by a connector running as its own process, speaking the capability's contract.</summary>
public sealed class RemoteCapabilityTests
{
    private static HubFactory HubPointedAt(Uri endpoint)
    {
        var settings = HubFactory.MemorySettings();
        settings.Remove("Capabilities:Enrichment:Connector");
        settings["Capabilities:Enrichment:Endpoint"] = endpoint.ToString();
        return new HubFactory(settings);
    }

    [Fact]
    public async Task The_hub_serves_enrichment_from_a_remote_connector_process()
    {
        await using var remote = await RemoteConnectorProcess.StartAsync();
        using var hub = HubPointedAt(remote.Address);
        var client = new EnrichmentService.EnrichmentServiceClient(hub.CreateChannel());

        var response = await client.IdentifyCompanyAsync(new IdentifyCompanyRequest { IpAddress = MemoryConnector.KnownIp.ToString() });

        Assert.Equal("acme.com", response.Identification.Company.Domain);
        Assert.Equal(1, remote.Connector.Calls);
        var catalog = await new ConnectorCatalogService.ConnectorCatalogServiceClient(hub.CreateChannel()).ListConnectorsAsync(new ListConnectorsRequest());
        var entry = Assert.Single(catalog.Connectors, c => c.Origin == "remote");
        Assert.Equal(remote.Address.ToString(), entry.Endpoint);
        Assert.Equal(["enrichment"], entry.ServingCapabilities);
    }

    [Fact]
    public async Task A_remote_connectors_failure_reaches_the_caller_with_the_same_meaning()
    {
        await using var remote = await RemoteConnectorProcess.StartAsync();
        using var hub = HubPointedAt(remote.Address);
        var client = new EnrichmentService.EnrichmentServiceClient(hub.CreateChannel());

        var error = await RpcAssert.FailsWith(StatusCode.Unavailable,
            () => client.IdentifyCompanyAsync(new IdentifyCompanyRequest { IpAddress = MemoryConnector.OutageIp.ToString() }).ResponseAsync);

        Assert.Equal(MemoryConnector.Name, RpcAssert.Info(error)?.Metadata["vendor"]);
    }

    [Fact]
    public async Task A_remote_connector_that_is_not_running_is_unavailable_not_internal()
    {
        using var hub = HubPointedAt(new Uri("http://127.0.0.1:9"));
        var client = new EnrichmentService.EnrichmentServiceClient(hub.CreateChannel());
        await RpcAssert.FailsWith(StatusCode.Unavailable,
            () => client.IdentifyCompanyAsync(new IdentifyCompanyRequest { IpAddress = "203.0.113.1" }).ResponseAsync);
    }
}
