using System.Net;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Sandbox;
using IntegrationHub.Testing;
using IntegrationHub.Testing.Redis;

namespace IntegrationHub.Server.Tests.MultiInstance;

/// <summary>
/// Two hub processes sharing one real redis-server (Caching:Redis) and the vendor fakes: visitors from the same
/// company arriving at both at once cost one reverse-IP call and one CRM account query in all, counted at the
/// fakes; and with Redis killed the hubs still route, asking the vendors themselves.
/// </summary>
public sealed class SharedCacheTests : IAsyncLifetime
{
    private ExternalVendors _vendors = null!;
    private RedisServer _redis = null!;
    private HubProcess _a = null!;
    private HubProcess _b = null!;

    public async Task InitializeAsync()
    {
        _vendors = await ExternalVendors.StartAsync();
        // Slow enough that the visitors of one company overlap at the vendor unless someone holds them back.
        _vendors.Enrichment.Latency = TimeSpan.FromMilliseconds(150);
        _vendors.Crm.Latency = TimeSpan.FromMilliseconds(150);
        _redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?>(_vendors.Settings)
        {
            ["Caching:Redis"] = _redis.Configuration,
            // A generous fact deadline: what is counted is vendor calls, and two hubs, Redis and the fakes share two
            // cores here; a visitor given up at the deadline cancels its call and the next one asks again.
            ["Routing:PolicyFile"] = DemoPolicy.AlwaysOpen(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(15)),
        };
        var started = await Task.WhenAll(HubProcess.StartAsync(settings), HubProcess.StartAsync(settings));
        (_a, _b) = (started[0], started[1]);
        // A first visitor each (an address no company owns), so what is measured is not a cold process.
        await Task.WhenAll(_a.RouteVisitorAsync("192.0.2.10"), _b.RouteVisitorAsync("192.0.2.11"));
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _redis.DisposeAsync();
        await _vendors.DisposeAsync();
    }

    [Fact]
    public async Task Visitors_from_one_company_at_both_instances_at_once_cost_one_vendor_call_per_company()
    {
        var offices = Offices().Take(4).ToList();
        var (enrichment, accounts) = (_vendors.EnrichmentCalls, _vendors.AccountByDomainCalls);

        // 10 visitors per company, half to each instance, all at once.
        var decisions = await Task.WhenAll(
            Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? _a : _b).RouteVisitorAsync(offices[i % 4]))
        );

        Assert.All(decisions, d => Assert.False(d.Degraded, $"degraded: {d.Id}"));
        Assert.Equal(4, _vendors.EnrichmentCalls - enrichment);
        Assert.Equal(4, _vendors.AccountByDomainCalls - accounts);
    }

    [Fact]
    public async Task With_redis_killed_the_instances_still_route_and_ask_the_vendors_themselves()
    {
        var offices = Offices().ToList();
        await _a.RouteVisitorAsync(offices[0]);
        await _redis.KillAsync();
        var enrichment = _vendors.EnrichmentCalls;

        // Companies neither instance has seen: each routes them, asking the vendor without the shared level.
        var decisions = await Task.WhenAll(
            offices.Skip(1).Take(3).SelectMany(ip => new[] { _a.RouteVisitorAsync(ip), _b.RouteVisitorAsync(ip) })
        );

        Assert.Equal(6, decisions.Length);
        Assert.All(decisions, d => Assert.False(d.Degraded, $"degraded: {d.Id}"));
        Assert.InRange(_vendors.EnrichmentCalls - enrichment, 3, 6);
        Assert.Equal(0, _a.ErrorLines + _b.ErrorLines);
        await Eventually.HappensAsync(
            () => _a.Output.Contains("shared cache (Caching:Redis) is unreachable", StringComparison.Ordinal),
            "the hub saying the shared cache is unreachable"
        );
    }

    /// <summary>The office address of each demo company with a matched domain (as bench/ figure 3 uses).</summary>
    private static IEnumerable<string> Offices() =>
        SandboxSeed
            .Load(Path.Combine(AppContext.BaseDirectory, "sandbox", "demo-seed.json"))
            .Companies.Where(c => c.Identification is { MatchStatus: MatchStatus.Match, Company.Domain.Length: > 0 })
            .Select(c =>
            {
                var bytes = IPNetwork
                    .Parse(c.IpRanges.First(r => !r.Contains(':', StringComparison.Ordinal)))
                    .BaseAddress.GetAddressBytes();
                bytes[^1] += 1;
                return new IPAddress(bytes).ToString();
            });
}
