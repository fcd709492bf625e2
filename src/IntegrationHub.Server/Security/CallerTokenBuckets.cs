using System.Collections.Concurrent;

namespace IntegrationHub.Server.Security;

/// <summary>
/// One token bucket per caller: it holds at most <c>burst</c> calls and refills continuously at
/// <c>rate</c> calls per second, measured on the hub's <see cref="TimeProvider"/>. Taking a token
/// and refilling happen under the bucket's own lock, so however many calls arrive at once, a
/// caller is admitted at most burst + rate × elapsed times.
/// </summary>
/// <remarks>
/// This replaces System.Threading.RateLimiting's partitioned token bucket, whose shared timer
/// calls <c>TryReplenish</c> every 100 ms and adds a whole period's tokens each time, whatever the
/// replenishment period: 200/s became 2,000/s.
/// </remarks>
public sealed class CallerTokenBuckets(int rate, int burst, TimeProvider time)
{
    /// <summary>
    /// A bucket full this long is dropped; a returning caller starts again full, which is what it would hold anyway.
    /// </summary>
    private static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private long _lastSweep = time.GetTimestamp();

    /// <summary>How many callers have a bucket now.</summary>
    public int Count => _buckets.Count;

    /// <summary>Takes one call from the caller's bucket; when empty, how long until a token is back.</summary>
    public bool TryTake(string caller, out TimeSpan retryAfter)
    {
        var now = time.GetTimestamp();
        SweepIdle(now);
        while (true)
        {
            var bucket = _buckets.GetOrAdd(
                caller,
                static (_, state) => new Bucket(state.burst, state.now),
                (burst, now)
            );
            lock (bucket)
            {
                if (bucket.Forgotten)
                {
                    // Swept between the look-up and the lock: take from the caller's current bucket instead.
                    continue;
                }

                bucket.Refill(now, rate, burst, time);
                bucket.LastTaken = now;
                if (bucket.Tokens >= 1)
                {
                    bucket.Tokens -= 1;
                    retryAfter = TimeSpan.Zero;
                    return true;
                }

                retryAfter = TimeSpan.FromSeconds((1 - bucket.Tokens) / rate);
                return false;
            }
        }
    }

    /// <summary>
    /// Now and then, forgets callers whose bucket has been full for a while, so a stream of new keys cannot grow the
    /// table for ever.
    /// </summary>
    private void SweepIdle(long now)
    {
        var last = Volatile.Read(ref _lastSweep);
        if (
            time.GetElapsedTime(last, now) < IdleLimit
            || Interlocked.CompareExchange(ref _lastSweep, now, last) != last
        )
        {
            return;
        }

        foreach (var (caller, bucket) in _buckets)
        {
            lock (bucket)
            {
                bucket.Refill(now, rate, burst, time);
                if (bucket.Tokens >= burst && time.GetElapsedTime(bucket.LastTaken, now) >= IdleLimit)
                {
                    bucket.Forgotten = true;
                    _buckets.TryRemove(new KeyValuePair<string, Bucket>(caller, bucket));
                }
            }
        }
    }

    private sealed class Bucket(int burst, long now)
    {
        public double Tokens { get; set; } = burst;

        public long Refilled { get; private set; } = now;

        public long LastTaken { get; set; } = now;

        public bool Forgotten { get; set; }

        public void Refill(long now, int rate, int burst, TimeProvider time)
        {
            if (now > Refilled)
            {
                Tokens = Math.Min(burst, Tokens + (time.GetElapsedTime(Refilled, now).TotalSeconds * rate));
                Refilled = now;
            }
        }
    }
}
