using System.Collections.Concurrent;

namespace IntegrationHub.Storage.Events;

/// <summary>Hands an event to every subscription of its channel in this process.</summary>
public sealed class LocalFanout
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<EventSubscription, byte>> _subscribers = new(
        StringComparer.Ordinal
    );

    public EventSubscription Subscribe(string channel)
    {
        var subscription = new EventSubscription(channel, s =>
            _subscribers.GetValueOrDefault(s.ChannelName)?.TryRemove(s, out _)
        );
        _subscribers.GetOrAdd(channel, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    public void Deliver(string channel, string payload)
    {
        if (_subscribers.TryGetValue(channel, out var subscribers))
        {
            foreach (var subscriber in subscribers.Keys)
            {
                subscriber.Deliver(payload);
            }
        }
    }
}
