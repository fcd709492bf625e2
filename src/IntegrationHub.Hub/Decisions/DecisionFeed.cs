using System.Collections.Concurrent;
using System.Threading.Channels;
using IntegrationHub.Storage.Decisions;

namespace IntegrationHub.Hub.Decisions;

/// <summary>
/// Decisions as this instance commits them, handed in process to whoever watches (hubctl decisions watch, the
/// dashboard). Nothing is read back from the database, so a watcher costs nothing while no decision is made; the
/// price is that a watcher sees only the decisions of the instance it is connected to.
/// </summary>
public sealed class DecisionFeed
{
    private readonly ConcurrentDictionary<DecisionWatcher, byte> _watchers = new();

    /// <summary>Every decision published from now on that passes <paramref name="filter"/>, until disposed.</summary>
    public DecisionWatcher Watch(Func<StoredDecision, bool> filter)
    {
        var watcher = new DecisionWatcher(filter, w => _watchers.TryRemove(w, out _));
        _watchers.TryAdd(watcher, 0);
        return watcher;
    }

    /// <summary>Called once a decision is committed (never for a repeated request answered from the store).</summary>
    public void Published(StoredDecision decision)
    {
        foreach (var watcher in _watchers.Keys)
        {
            watcher.Offer(decision);
        }
    }
}

/// <summary>
/// One watcher's queue. A reader that falls 1000 decisions behind loses the oldest instead of holding memory without
/// bound (the stored list still has them).
/// </summary>
public sealed class DecisionWatcher(Func<StoredDecision, bool> filter, Action<DecisionWatcher> unsubscribe)
    : IDisposable
{
    private readonly Channel<StoredDecision> _queue = Channel.CreateBounded<StoredDecision>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true }
    );

    public ChannelReader<StoredDecision> Decisions => _queue.Reader;

    internal void Offer(StoredDecision decision)
    {
        if (filter(decision))
        {
            _queue.Writer.TryWrite(decision);
        }
    }

    public void Dispose()
    {
        unsubscribe(this);
        _queue.Writer.TryComplete();
    }
}
