using System.Collections.Concurrent;
using IntegrationHub.Storage.Security;

namespace IntegrationHub.Server.Security;

/// <summary>
/// Stored keys this instance looked up in the last few seconds, so not every call reads the
/// store. A revocation on this instance evicts at once; other instances see it within
/// <see cref="Lifetime"/>. Only keys that exist are kept: random ids cannot grow it.
/// </summary>
public sealed class RecentApiKeys(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, (StoredApiKey Key, DateTimeOffset Until)> _keys = new(
        StringComparer.Ordinal
    );

    public StoredApiKey? Get(string id) =>
        _keys.TryGetValue(id, out var entry) && entry.Until > time.GetUtcNow() ? entry.Key : null;

    public void Remember(StoredApiKey key) => _keys[key.Id] = (key, time.GetUtcNow() + Lifetime);

    public void Forget(string id) => _keys.TryRemove(id, out _);
}
