using System.Collections.Concurrent;

namespace IntegrationHub.Hub.Caching;

/// <summary>
/// A cache where concurrent misses for one key share a single load, so a burst of visitors
/// from K companies costs K vendor calls. A value lives for the lifetime its load chose
/// (shorter for "no match"); a failed load is not cached, so the next caller tries again. When every
/// caller waiting on a load has given up, the load is cancelled.
/// </summary>
public sealed class SingleFlightCache<TKey, TValue>(string name, TimeProvider time, int maxEntries)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();

    public int Count => _entries.Count;

    public async Task<TValue> GetOrLoadAsync(
        TKey key,
        Func<CancellationToken, Task<TValue>> load,
        Func<TValue, TimeSpan> lifetime,
        CancellationToken cancellationToken
    )
    {
        while (true)
        {
            var now = time.GetUtcNow();
            var loaded = false;
            var entry = _entries.GetOrAdd(key, _ =>
            {
                loaded = true;
                return Entry.Start(load);
            });
            if (entry.ExpiresAt is { } expires && expires <= now)
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
                continue;
            }

            if (!entry.Join())
            {
                // Every waiter gave up on this load just now and it is being cancelled: start a fresh one.
                _entries.TryRemove(KeyValuePair.Create(key, entry));
                continue;
            }

            try
            {
                // The shared load runs without any one caller's token, so a caller that gives
                // up does not fail the others waiting on the same load.
                var value = await entry.Value.WaitAsync(cancellationToken);
                Telemetry.HubMetrics.CacheLookup(name, hit: !loaded);
                if (entry.ExpiresAt is null)
                {
                    entry.ExpiresAt = time.GetUtcNow() + lifetime(value);
                    TrimIfFull();
                }

                return value;
            }
            catch when (entry.Value.IsFaulted || entry.Value.IsCanceled)
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
                if (entry.Abandoned && !cancellationToken.IsCancellationRequested)
                {
                    // Cancelled because the others gave up, not this caller: try again.
                    continue;
                }

                throw;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The last one waiting cancels the load, so a vendor or remote connector is not left
                // working for nobody (a remote process sees its call cancelled).
                if (entry.Leave())
                {
                    _entries.TryRemove(KeyValuePair.Create(key, entry));
                }

                throw;
            }
        }
    }

    private void TrimIfFull()
    {
        if (_entries.Count <= maxEntries)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt is { } expires && expires <= now)
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
            }
        }

        // Still full of live entries: drop the ones closest to expiry.
        foreach (
            var (key, entry) in _entries
                .Where(e => e.Value.ExpiresAt is not null)
                .OrderBy(e => e.Value.ExpiresAt)
                .Take(Math.Max(0, _entries.Count - maxEntries))
                .ToList()
        )
        {
            _entries.TryRemove(KeyValuePair.Create(key, entry));
        }
    }

    /// <summary>One shared load and the callers waiting on it.</summary>
    private sealed class Entry
    {
        private readonly CancellationTokenSource _abandoned = new();
        private readonly Lock _gate = new();
        private int _waiting;
        private bool _cancelled;

        private Entry(Func<CancellationToken, Task<TValue>> load) =>
            Value = Task.Run(() => load(_abandoned.Token), CancellationToken.None);

        public Task<TValue> Value { get; }

        public DateTimeOffset? ExpiresAt { get; set; }

        /// <summary>True once every waiter gave up and the load was cancelled for that reason.</summary>
        public bool Abandoned
        {
            get
            {
                lock (_gate)
                {
                    return _cancelled;
                }
            }
        }

        public static Entry Start(Func<CancellationToken, Task<TValue>> load) => new(load);

        /// <summary>Counts a waiter in; false when the load was already given up by everyone.</summary>
        public bool Join()
        {
            lock (_gate)
            {
                if (_cancelled)
                {
                    return false;
                }

                _waiting++;
                return true;
            }
        }

        /// <summary>A waiter gave up; when it was the last and the load still runs, the load is cancelled.</summary>
        public bool Leave()
        {
            lock (_gate)
            {
                _waiting--;
                if (_waiting > 0 || Value.IsCompleted)
                {
                    return false;
                }

                _cancelled = true;
            }

            _abandoned.Cancel();
            return true;
        }
    }
}
