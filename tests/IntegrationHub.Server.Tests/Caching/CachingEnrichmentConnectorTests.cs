using System.Net;
using IntegrationHub.Hub.Caching;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Errors;
using Microsoft.Extensions.Options;
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

            await _release.Task;
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

    [Fact]
    public async Task A_concurrent_burst_from_K_companies_costs_K_vendor_calls()
    {
        var vendor = new SlowVendor();
        var cached = new CachingEnrichmentConnector(
            vendor,
            new FakeTimeProvider(),
            Microsoft.Extensions.Options.Options.Create(Options)
        );
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
        var cached = new CachingEnrichmentConnector(vendor, time, Microsoft.Extensions.Options.Options.Create(Options));
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
        var cached = new CachingEnrichmentConnector(
            vendor,
            new FakeTimeProvider(),
            Microsoft.Extensions.Options.Options.Create(Options)
        );

        await Assert.ThrowsAsync<ConnectorException>(() => cached.IdentifyCompanyAsync(Ip(2), CancellationToken.None));
        vendor.Fail = false;
        var result = await cached.IdentifyCompanyAsync(Ip(2), CancellationToken.None);

        Assert.Equal(MatchStatus.Match, result.MatchStatus);
        Assert.Equal(2, vendor.Calls[Ip(2)]);
    }

    [Fact]
    public async Task A_caller_giving_up_does_not_fail_the_others_sharing_the_load()
    {
        var vendor = new SlowVendor();
        var cached = new CachingEnrichmentConnector(
            vendor,
            new FakeTimeProvider(),
            Microsoft.Extensions.Options.Options.Create(Options)
        );
        using var impatient = new CancellationTokenSource();

        var first = cached.IdentifyCompanyAsync(Ip(2), impatient.Token);
        var second = cached.IdentifyCompanyAsync(Ip(2), CancellationToken.None);
        await impatient.CancelAsync();
        vendor.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(MatchStatus.Match, (await second).MatchStatus);
        Assert.Equal(1, vendor.Calls[Ip(2)]);
    }
}
