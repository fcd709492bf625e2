using IntegrationHub.Server.Security;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Server.Tests.Security;

/// <summary>The per-caller token bucket on a fake clock: exact counts, however many calls race for a token.</summary>
public sealed class CallerTokenBucketsTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_thousand_racing_calls_get_exactly_the_burst()
    {
        var buckets = new CallerTokenBuckets(rate: 200, burst: 400, _time);
        var admitted = 0;

        Parallel.For(0, 1000, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            if (buckets.TryTake("caller", out _))
            {
                Interlocked.Increment(ref admitted);
            }
        });

        Assert.Equal(400, admitted);
    }

    [Fact]
    public void An_empty_bucket_refills_at_the_rate_and_says_when_to_retry()
    {
        var buckets = new CallerTokenBuckets(rate: 200, burst: 400, _time);
        while (buckets.TryTake("caller", out _)) { }

        Assert.False(buckets.TryTake("caller", out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(5), retryAfter);

        _time.Advance(TimeSpan.FromMilliseconds(250));
        var refilled = 0;
        while (buckets.TryTake("caller", out _))
        {
            refilled++;
        }

        Assert.Equal(50, refilled);

        // A long pause fills the bucket to its burst, never above.
        _time.Advance(TimeSpan.FromHours(1));
        var afterPause = 0;
        while (buckets.TryTake("caller", out _))
        {
            afterPause++;
        }

        Assert.Equal(400, afterPause);
    }

    [Fact]
    public void Callers_have_their_own_buckets_and_idle_ones_are_forgotten()
    {
        var buckets = new CallerTokenBuckets(rate: 1, burst: 2, _time);
        Assert.True(buckets.TryTake("busy", out _));
        Assert.True(buckets.TryTake("busy", out _));
        Assert.False(buckets.TryTake("busy", out _));
        Assert.True(buckets.TryTake("quiet", out _));

        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.True(buckets.TryTake("new", out _));

        Assert.Equal(1, buckets.Count);
    }
}
