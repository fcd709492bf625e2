using Grpc.Health.V1;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Testing;

namespace IntegrationHub.Bench.Hubs;

/// <summary>One or two hub processes sharing one store and the vendor fakes; callers are spread across them.</summary>
public sealed class BenchHubs : IAsyncDisposable
{
    private readonly HubProcess[] _hubs;

    private BenchHubs(string name, HubProcess[] hubs)
    {
        Name = name;
        _hubs = hubs;
    }

    public string Name { get; }

    public int Count => _hubs.Length;

    public HubProcess First => _hubs[0];

    public static async Task<BenchHubs> StartAsync(
        string name,
        int instances,
        IReadOnlyDictionary<string, string?> settings
    )
    {
        var hubs = new HubProcess[instances];
        for (var i = 0; i < instances; i++)
        {
            // One after the other: the first applies the migrations.
            hubs[i] = await HubProcess.StartAsync(settings);
        }

        var started = new BenchHubs(name, hubs);
        foreach (var rep in (await started.Presence(0).ListRepsAsync(new ListRepsRequest())).Reps)
        {
            await started
                .Presence(0)
                .SetRepPresenceAsync(
                    new SetRepPresenceRequest { RepId = rep.RepId, Status = PresenceStatus.Available }
                );
        }

        return started;
    }

    public RoutingService.RoutingServiceClient Routing(int caller) => new(_hubs[caller % _hubs.Length].Channel);

    public Health.HealthClient Health(int caller) => new(_hubs[caller % _hubs.Length].Channel);

    public PresenceService.PresenceServiceClient Presence(int caller) => new(_hubs[caller % _hubs.Length].Channel);

    public OutboxService.OutboxServiceClient Outbox => new(_hubs[0].Channel);

    public IEnumerable<int> ProcessIds => _hubs.Select(h => h.Id);

    public async ValueTask DisposeAsync()
    {
        foreach (var hub in _hubs)
        {
            await hub.DisposeAsync();
        }
    }
}
