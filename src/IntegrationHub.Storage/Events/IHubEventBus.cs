namespace IntegrationHub.Storage.Events;

/// <summary>
/// Events a stream held anywhere must see (an offer, an alert, a handover, a presence change).
/// With PostgreSQL they cross instances (a rep connected to instance A sees what instance B
/// raised); with SQLite there is one instance and they stay in process.
/// </summary>
public interface IHubEventBus
{
    Task PublishAsync(string channel, string payload, CancellationToken cancellationToken);

    /// <summary>
    /// Publishes several events at once, in order: on PostgreSQL in one round trip (and one commit of the
    /// notification queue, which PostgreSQL serializes across every session) instead of one each.
    /// </summary>
    async Task PublishAsync(IReadOnlyList<(string Channel, string Payload)> events, CancellationToken cancellationToken)
    {
        foreach (var (channel, payload) in events)
        {
            await PublishAsync(channel, payload, cancellationToken);
        }
    }

    /// <summary>Receives every event published to <paramref name="channel"/> from now on, until disposed.</summary>
    EventSubscription Subscribe(string channel);
}
