using Grpc.Health.V1;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Tests.Hosting;

namespace IntegrationHub.Server.Tests.Capabilities;

/// <summary>
/// What the hub says about a remote connector process: the name and version it describes itself with, and its own
/// grpc.health.v1 status in the capability's health and in the catalog.
/// </summary>
public sealed class RemoteConnectorIdentityTests
{
    private const string EnrichmentService = "integrationhub.enrichment.v1.EnrichmentService";

    private static async Task<ConnectorInfo> RemoteEntry(HubFactory hub) =>
        Assert.Single(
            (
                await new ConnectorCatalogService.ConnectorCatalogServiceClient(
                    hub.CreateChannel()
                ).ListConnectorsAsync(new ListConnectorsRequest())
            ).Connectors,
            c => c.Origin == "remote"
        );

    private static async Task<HealthCheckResponse.Types.ServingStatus> HubHealth(HubFactory hub, string service) =>
        (
            await new Grpc.Health.V1.Health.HealthClient(hub.CreateChannel()).CheckAsync(
                new HealthCheckRequest { Service = service }
            )
        ).Status;

    [Fact]
    public async Task The_catalog_and_explanations_name_the_remote_by_its_Describe_answer()
    {
        await using var remote = await ScriptedRemote.StartAsync();
        using var hub = RemoteHubs.PointedAt(remote.Address);

        var entry = await RemoteEntry(hub);
        var decision = await RemoteHubs.RouteVisitorAsync(hub, "203.0.113.10");

        Assert.Equal(("Scripted", "2.3.4"), (entry.Name, entry.Version));
        Assert.Equal(remote.Address.ToString(), entry.Endpoint);
        Assert.Equal(["enrichment"], entry.Capabilities);
        Assert.Equal(ConnectorHealth.Healthy, entry.Health);
        Assert.Equal(
            "Scripted",
            Assert.Single(decision.Explanation.Sources, s => s.Capability == "enrichment").Connector
        );
    }

    [Fact]
    public async Task A_remote_without_Describe_is_named_by_its_address_and_the_catalog_says_why()
    {
        await using var remote = await ScriptedRemote.StartAsync(new() { Describes = false });
        using var hub = RemoteHubs.PointedAt(remote.Address);

        var entry = await RemoteEntry(hub);

        Assert.Equal($"remote:{remote.Address}", entry.Name);
        Assert.Contains("does not implement integrationhub.connector.v1.ConnectorService/Describe", entry.HealthDetail);
        Assert.Equal(ConnectorHealth.Healthy, entry.Health);
    }

    [Fact]
    public async Task A_remote_reporting_not_serving_makes_its_capability_unhealthy_but_not_the_hub()
    {
        await using var remote = await ScriptedRemote.StartAsync(new() { Serves = false });
        using var hub = RemoteHubs.PointedAt(remote.Address);

        var entry = await RemoteEntry(hub);

        Assert.Equal(ConnectorHealth.Unhealthy, entry.Health);
        Assert.Contains("NotServing", entry.HealthDetail);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, await HubHealth(hub, EnrichmentService));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await HubHealth(hub, ""));
    }

    [Fact]
    public async Task A_remote_that_is_down_is_not_reported_serving()
    {
        // A port nothing listens on: the remote process is down.
        using var hub = RemoteHubs.PointedAt(new Uri("http://127.0.0.1:9"));

        var entry = await RemoteEntry(hub);

        Assert.Equal(ConnectorHealth.Unhealthy, entry.Health);
        Assert.Contains("cannot be reached", entry.HealthDetail);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, await HubHealth(hub, EnrichmentService));
    }

    [Fact]
    public async Task A_remote_serving_no_health_service_is_reported_degraded()
    {
        await using var remote = await ScriptedRemote.StartAsync(new() { ServesHealth = false });
        using var hub = RemoteHubs.PointedAt(remote.Address);

        var entry = await RemoteEntry(hub);

        Assert.Equal(ConnectorHealth.Degraded, entry.Health);
        Assert.Contains("serves no grpc.health.v1", entry.HealthDetail);
    }
}
