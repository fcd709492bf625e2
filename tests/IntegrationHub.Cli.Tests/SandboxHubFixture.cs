using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Testing;

namespace IntegrationHub.Cli.Tests;

/// <summary>The hub as `dotnet run` starts it with no vendor credentials: sandbox fakes and demo data, its own database.</summary>
public sealed class SandboxHubFixture : IAsyncLifetime
{
    public HubProcess Hub { get; private set; } = null!;

    public RoutingService.RoutingServiceClient Routing => new(Hub.Channel);

    public async Task InitializeAsync() => Hub = await HubProcess.StartAsync(new Dictionary<string, string?>());

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    /// <summary>Routes a visitor on an English page; with nobody marked available, the AI rep takes it.</summary>
    public async Task<Decision> RouteVisitorAsync(string ip) =>
        (await Routing.RouteVisitorAsync(new RouteVisitorRequest { RequestId = Guid.NewGuid().ToString("N"), IpAddress = ip, PageUrl = "https://www.example.com/pricing" })).Decision;
}
