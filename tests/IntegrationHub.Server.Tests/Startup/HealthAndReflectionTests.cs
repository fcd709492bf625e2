using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Health;
using IntegrationHub.Server.Tests.Hosting;

namespace IntegrationHub.Server.Tests.Startup;

public sealed class HealthAndReflectionTests : IClassFixture<HealthAndReflectionTests.Hub>
{
    public sealed class Hub() : HubFactory(MemorySettings());

    private readonly Hub _hub;

    public HealthAndReflectionTests(Hub hub) => _hub = hub;

    public static TheoryData<string> CapabilityServices() => [.. CapabilityServiceNames.ByCapability.Values];

    [Theory]
    [MemberData(nameof(CapabilityServices))]
    public async Task Each_capability_reports_serving(string service)
    {
        var health = new Grpc.Health.V1.Health.HealthClient(_hub.CreateChannel());
        var response = await health.CheckAsync(new HealthCheckRequest { Service = service });
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task The_hub_as_a_whole_reports_serving()
    {
        var health = new Grpc.Health.V1.Health.HealthClient(_hub.CreateChannel());
        var response = await health.CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Reflection_lists_every_service()
    {
        var reflection = new ServerReflection.ServerReflectionClient(_hub.CreateChannel());
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var listed = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToHashSet();

        string[] expected =
        [
            .. CapabilityServiceNames.ByCapability.Values,
            ConnectorCatalogService.Descriptor.FullName,
            "grpc.health.v1.Health",
        ];
        Assert.Superset(expected.ToHashSet(), listed);
    }

    [Fact]
    public async Task Catalog_lists_the_connector_serving_every_capability()
    {
        var catalog = new ConnectorCatalogService.ConnectorCatalogServiceClient(_hub.CreateChannel());
        var response = await catalog.ListConnectorsAsync(new ListConnectorsRequest());
        var memory = Assert.Single(response.Connectors, c => c.Name == MemoryConnector.Name);
        Assert.Equal("9.9.9", memory.Version);
        Assert.Equal(["crm", "enrichment", "marketing", "meetings", "sequencing"], memory.ServingCapabilities.Order());
        Assert.Equal(ConnectorHealth.Healthy, memory.Health);
        Assert.False(memory.Sandbox);
    }
}
