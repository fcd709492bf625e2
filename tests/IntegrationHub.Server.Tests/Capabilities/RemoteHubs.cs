using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Tests.Hosting;

namespace IntegrationHub.Server.Tests.Capabilities;

/// <summary>A hub whose enrichment is served by the remote process at an address, the rest in memory.</summary>
internal static class RemoteHubs
{
    public static HubFactory PointedAt(Uri endpoint, Dictionary<string, string?>? settings = null)
    {
        var all = HubFactory.MemorySettings();
        all.Remove("Capabilities:Enrichment:Connector");
        all["Capabilities:Enrichment:Endpoint"] = endpoint.ToString();
        foreach (var (key, value) in settings ?? [])
        {
            all[$"Capabilities:Enrichment:{key}"] = value;
        }

        return new HubFactory(all);
    }

    /// <summary>Routes a visitor from <paramref name="ip"/> on an English page through the hub.</summary>
    public static async Task<Decision> RouteVisitorAsync(HubFactory hub, string ip) =>
        (
            await new RoutingService.RoutingServiceClient(hub.CreateChannel()).RouteVisitorAsync(
                new RouteVisitorRequest
                {
                    RequestId = Guid.NewGuid().ToString("N"),
                    IpAddress = ip,
                    PageUrl = "https://www.example.com/pricing",
                }
            )
        ).Decision;

    /// <summary>Waits for something the remote is expected to see; long enough never to fail a test itself.</summary>
    public static Task Seen(TaskCompletionSource signal) => signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
}
