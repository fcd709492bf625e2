using ZiggyCreatures.Caching.Fusion;

namespace IntegrationHub.Hub.Caching;

/// <summary>
/// One vendor look-up cache (FusionCache): concurrent misses for a key share one vendor call, in this instance
/// and, with a shared Redis, across instances (the second level holds the answer, the backplane keeps the first
/// levels in step, and a lock per key lets one instance ask while the others wait for its answer). A value lives
/// for the lifetime its load chose (shorter for "no match"), on the hub's clock; a failed load is not cached.
/// A load runs with the token of the caller that started it: when that caller gives up, the vendor call is
/// cancelled (not left working for nobody) and a caller still waiting for the key asks again.
/// </summary>
public sealed class LookupCache<TValue>(string name, IFusionCache cache, TimeProvider time)
{
    public string Name => name;

    public async Task<TValue> GetOrLoadAsync(
        string key,
        Func<CancellationToken, Task<TValue>> load,
        Func<TValue, TimeSpan> lifetime,
        CancellationToken cancellationToken
    )
    {
        for (var attempt = 0; ; attempt++)
        {
            var loaded = false;
            var entry = await cache.GetOrSetAsync<Stamped>(
                key,
                async (context, ct) =>
                {
                    loaded = true;
                    // The library does not pass the caller's cancellation on to the factory: linked here, so a
                    // vendor or remote connector sees its call cancelled when the caller that started it gives up.
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, cancellationToken);
                    var value = await load(linked.Token);
                    var life = lifetime(value);
                    // Adaptive: the answer decides how long it is kept, in both levels.
                    context.Options.Duration = life > TimeSpan.Zero ? life : TimeSpan.FromMilliseconds(1);
                    return new Stamped(value, time.GetUtcNow() + life);
                },
                token: cancellationToken
            );
            // The library expires entries on the wall clock; the hub's clock (a test clock, HUB_TEST_CLOCK) decides.
            if (loaded || attempt > 0 || entry.ExpiresAt > time.GetUtcNow())
            {
                Telemetry.HubMetrics.CacheLookup(name, hit: !loaded);
                return entry.Value;
            }

            await cache.RemoveAsync(key, token: cancellationToken);
        }
    }

    /// <summary>A cached answer and when it expires on the hub's clock; JSON in the shared level.</summary>
    public sealed record Stamped(TValue Value, DateTimeOffset ExpiresAt);
}
