using Grpc.Core;
using IntegrationHub.Contracts.Enrichment.V1;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Tests.Hosting;

namespace IntegrationHub.Server.Tests.Capabilities;

/// <summary>
/// A capability served by a connector running as its own process, speaking the capability's contract.
/// </summary>
public sealed class RemoteCapabilityTests
{
    private static HubFactory HubPointedAt(Uri endpoint, Dictionary<string, string?>? tls = null) =>
        RemoteHubs.PointedAt(endpoint, (tls ?? []).ToDictionary(t => $"Tls:{t.Key}", t => t.Value));

    [Fact]
    public async Task Over_mutual_tls_the_hub_presents_its_client_certificate_and_trusts_only_the_private_ca()
    {
        using var certificates = new TestCertificates();
        var (caPem, clientPfx) = certificates.WriteFiles("pfx-password");
        await using var remote = await RemoteConnectorProcess.StartAsync(
            certificates.Server,
            clientCa: certificates.Ca
        );
        var endpoint = new Uri($"https://127.0.0.1:{remote.Address.Port}");

        using var withCertificate = HubPointedAt(
            endpoint,
            new()
            {
                ["ClientCertificatePath"] = clientPfx,
                ["ClientCertificatePassword"] = "pfx-password",
                ["ServerCaPath"] = caPem,
            }
        );
        using var withoutCertificate = HubPointedAt(endpoint, new() { ["ServerCaPath"] = caPem });
        var request = new IdentifyCompanyRequest { IpAddress = MemoryConnector.KnownIp.ToString() };

        var answered = await new EnrichmentService.EnrichmentServiceClient(
            withCertificate.CreateChannel()
        ).IdentifyCompanyAsync(request);
        await RpcAssert.FailsWith(StatusCode.Unavailable, () =>
            new EnrichmentService.EnrichmentServiceClient(withoutCertificate.CreateChannel())
                .IdentifyCompanyAsync(request)
                .ResponseAsync
        );

        Assert.Equal("acme.com", answered.Identification.Company.Domain);
        Assert.Equal(1, remote.Connector.Calls);
    }

    [Fact]
    public async Task A_remote_server_certificate_from_another_ca_is_not_trusted()
    {
        using var certificates = new TestCertificates();
        using var other = new TestCertificates();
        var (otherCaPem, _) = other.WriteFiles("x");
        await using var remote = await RemoteConnectorProcess.StartAsync(certificates.Server);
        using var hub = HubPointedAt(
            new Uri($"https://127.0.0.1:{remote.Address.Port}"),
            new() { ["ServerCaPath"] = otherCaPem }
        );

        await RpcAssert.FailsWith(StatusCode.Unavailable, () =>
            new EnrichmentService.EnrichmentServiceClient(hub.CreateChannel())
                .IdentifyCompanyAsync(new IdentifyCompanyRequest { IpAddress = MemoryConnector.KnownIp.ToString() })
                .ResponseAsync
        );
        Assert.Equal(0, remote.Connector.Calls);
    }

    [Fact]
    public async Task The_hub_serves_enrichment_from_a_remote_connector_process()
    {
        await using var remote = await RemoteConnectorProcess.StartAsync();
        using var hub = HubPointedAt(remote.Address);
        var client = new EnrichmentService.EnrichmentServiceClient(hub.CreateChannel());

        var response = await client.IdentifyCompanyAsync(
            new IdentifyCompanyRequest { IpAddress = MemoryConnector.KnownIp.ToString() }
        );

        Assert.Equal("acme.com", response.Identification.Company.Domain);
        Assert.Equal(1, remote.Connector.Calls);
        var catalog = await new ConnectorCatalogService.ConnectorCatalogServiceClient(
            hub.CreateChannel()
        ).ListConnectorsAsync(new ListConnectorsRequest());
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

        var error = await RpcAssert.FailsWith(StatusCode.Unavailable, () =>
            client
                .IdentifyCompanyAsync(new IdentifyCompanyRequest { IpAddress = MemoryConnector.OutageIp.ToString() })
                .ResponseAsync
        );

        Assert.Equal(MemoryConnector.Name, RpcAssert.Info(error)?.Metadata["vendor"]);
    }

    [Fact]
    public async Task A_remote_connector_that_is_not_running_is_unavailable_not_internal()
    {
        using var hub = HubPointedAt(new Uri("http://127.0.0.1:9"));
        var client = new EnrichmentService.EnrichmentServiceClient(hub.CreateChannel());
        await RpcAssert.FailsWith(StatusCode.Unavailable, () =>
            client.IdentifyCompanyAsync(new IdentifyCompanyRequest { IpAddress = "203.0.113.1" }).ResponseAsync
        );
    }
}
