namespace IntegrationHub.Storage.Events;

/// <summary>The event bus of a single hub instance (SQLite).</summary>
public sealed class InProcessEventBus : IHubEventBus
{
    private readonly LocalFanout _fanout = new();

    public Task PublishAsync(string channel, string payload, CancellationToken cancellationToken)
    {
        _fanout.Deliver(channel, payload);
        return Task.CompletedTask;
    }

    public EventSubscription Subscribe(string channel) => _fanout.Subscribe(channel);
}
