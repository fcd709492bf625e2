using System.Collections.Concurrent;

namespace IntegrationHub.Hub.Caching;

/// <summary>
/// A cache where concurrent misses for one key share a single load, so a burst of visitors
/// from K companies costs K vendor calls. A value lives for the lifetime its load chose
/// (shorter for "no match"); a failed load is not cached, so the next caller tries again.
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
                return new Entry(Load(load));
            });
            if (entry.ExpiresAt is { } expires && expires <= now)
            {
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
                throw;
            }
        }
    }

    private static Task<TValue> Load(Func<CancellationToken, Task<TValue>> load) =>
        Task.Run(() => load(CancellationToken.None));

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

    private sealed class Entry(Task<TValue> value)
    {
        public Task<TValue> Value { get; } = value;

        public DateTimeOffset? ExpiresAt { get; set; }
    }
}
