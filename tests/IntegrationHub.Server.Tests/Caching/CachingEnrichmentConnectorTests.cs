using System.Net;
using IntegrationHub.Hub.Caching;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Errors;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Server.Tests.Caching;

public sealed class CachingEnrichmentConnectorTests
{
    private static readonly CacheOptions Options = new()
    {
        EnrichmentLifetime = TimeSpan.FromHours(1),
        EnrichmentNoMatchLifetime = TimeSpan.FromMinutes(5),
    };

    /// <summary>A vendor that answers slowly (until released) and counts calls per IP.</summary>
    private sealed class SlowVendor : IEnrichmentConnector
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly Dictionary<IPAddress, int> Calls = [];
        public bool Fail { get; set; }

        /// <summary>Completed when the first call reached the vendor.</summary>
        public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completed when a call saw its cancellation token fire.</summary>
        public TaskCompletionSource CancelSeen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _release.TrySetResult();

        public async Task<CompanyIdentification> IdentifyCompanyAsync(
            IPAddress ipAddress,
            CancellationToken cancellationToken
        )
        {
            lock (Calls)
            {
                Calls[ipAddress] = Calls.GetValueOrDefault(ipAddress) + 1;
            }

            Arrived.TrySetResult();
            try
            {
                await _release.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                CancelSeen.TrySetResult();
                throw;
            }

            if (Fail)
            {
                throw ConnectorException.Unavailable("slow", "down");
            }

            return ipAddress.GetAddressBytes()[3] % 2 == 0
                ? new CompanyIdentification(MatchStatus.Match, MatchConfidence.High, null, [], [])
                : CompanyIdentification.NoMatch;
        }
    }

    private static IPAddress Ip(int company) => IPAddress.Parse($"198.51.100.{company}");

    /// <summary>The connector as the hub builds it without Caching:Redis: in-process caches only.</summary>
    private static CachingEnrichmentConnector Cached(IEnrichmentConnector vendor, TimeProvider time) =>
        new(vendor, new VendorLookupCaches(Options, time), Microsoft.Extensions.Options.Options.Create(Options));

    [Fact]
    public async Task A_concurrent_burst_from_K_companies_costs_K_vendor_calls()
    {
        var vendor = new SlowVendor();
        var cached = Cached(vendor, new FakeTimeProvider());
        const int companies = 7;

        var burst = Enumerable
            .Range(0, 200)
            .Select(i => cached.IdentifyCompanyAsync(Ip(i % companies), CancellationToken.None))
            .ToList();
        vendor.Release();
        await Task.WhenAll(burst);

        Assert.Equal(companies, vendor.Calls.Count);
        Assert.All(vendor.Calls.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task A_match_is_reused_until_its_lifetime_and_a_no_match_for_a_shorter_one()
    {
        var vendor = new SlowVendor();
        vendor.Release();
        var time = new FakeTimeProvider();
        var cached = Cached(vendor, time);
        var match = Ip(2);
        var noMatch = Ip(3);
        await cached.IdentifyCompanyAsync(match, CancellationToken.None);
        await cached.IdentifyCompanyAsync(noMatch, CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(6));
        await cached.IdentifyCompanyAsync(match, CancellationToken.None);
        await cached.IdentifyCompanyAsync(noMatch, CancellationToken.None);
        Assert.Equal(1, vendor.Calls[match]);
        Assert.Equal(2, vendor.Calls[noMatch]);

        time.Advance(TimeSpan.FromHours(1));
        await cached.IdentifyCompanyAsync(match, CancellationToken.None);
        Assert.Equal(2, vendor.Calls[match]);
    }

    [Fact]
    public async Task A_failure_is_not_cached()
    {
        var vendor = new SlowVendor { Fail = true };
        vendor.Release();
        var cached = Cached(vendor, new FakeTimeProvider());

        await Assert.ThrowsAsync<ConnectorException>(() => cached.IdentifyCompanyAsync(Ip(2), CancellationToken.None));
        vendor.Fail = false;
        var result = await cached.IdentifyCompanyAsync(Ip(2), CancellationToken.None);

        Assert.Equal(MatchStatus.Match, result.MatchStatus);
        Assert.Equal(2, vendor.Calls[Ip(2)]);
    }

    [Fact]
    public async Task A_caller_giving_up_cancels_its_vendor_call_and_does_not_fail_the_others_waiting_for_the_key()
    {
        var vendor = new SlowVendor();
        var cached = Cached(vendor, new FakeTimeProvider());
        using var impatient = new CancellationTokenSource();

        var first = cached.IdentifyCompanyAsync(Ip(2), impatient.Token);
        await vendor.Arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = cached.IdentifyCompanyAsync(Ip(2), CancellationToken.None);
        await impatient.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        // The vendor call of the caller that gave up is cancelled.
        await vendor.CancelSeen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        vendor.Release();
        Assert.Equal(MatchStatus.Match, (await second).MatchStatus);
        // The one that waited asked again itself; a third caller is answered from the cache.
        await cached.IdentifyCompanyAsync(Ip(2), CancellationToken.None);
        Assert.Equal(2, vendor.Calls[Ip(2)]);
    }

    [Fact]
    public async Task When_every_caller_gives_up_the_vendor_call_is_cancelled_and_nothing_is_cached()
    {
        var vendor = new SlowVendor();
        var cached = Cached(vendor, new FakeTimeProvider());
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();

        var a = cached.IdentifyCompanyAsync(Ip(4), first.Token);
        await vendor.Arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var b = cached.IdentifyCompanyAsync(Ip(4), second.Token);
        await first.CancelAsync();
        await second.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b);
        await vendor.CancelSeen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // The second caller may have asked again between the two cancellations (the first's call was cancelled
        // under it): one call or two, both given up.
        var givenUp = vendor.Calls[Ip(4)];
        Assert.InRange(givenUp, 1, 2);
        vendor.Release();
        await cached.IdentifyCompanyAsync(Ip(4), CancellationToken.None);
        Assert.Equal(givenUp + 1, vendor.Calls[Ip(4)]);
    }
}
