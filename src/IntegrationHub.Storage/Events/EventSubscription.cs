using System.Threading.Channels;

namespace IntegrationHub.Storage.Events;

/// <summary>
/// One subscriber's queue of events. A slow reader drops the oldest rather than holding memory without bound.
/// </summary>
public sealed class EventSubscription(string channel, Action<EventSubscription> unsubscribe) : IDisposable
{
    private readonly Channel<string> _queue = Channel.CreateBounded<string>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest }
    );

    public string ChannelName { get; } = channel;

    public ChannelReader<string> Events => _queue.Reader;

    internal void Deliver(string payload) => _queue.Writer.TryWrite(payload);

    public void Dispose()
    {
        unsubscribe(this);
        _queue.Writer.TryComplete();
    }
}
