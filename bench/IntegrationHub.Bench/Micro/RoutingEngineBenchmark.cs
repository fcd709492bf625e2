using System.Net;
using BenchmarkDotNet.Attributes;
using IntegrationHub.Routing;
using IntegrationHub.Routing.Assignment;
using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Sdk.Capabilities;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Sandbox;
using IntegrationHub.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Bench.Micro;

/// <summary>
/// Figure 5 (engine side): time and allocations of one RouteVisitor in the routing engine alone
/// (no gRPC, no storage, no HTTP), with the demo world's facts answered from memory.
/// </summary>
[MemoryDiagnoser]
public class RoutingEngineBenchmark : IRepPresence
{
    private static readonly IPAddress AcmeOffice = IPAddress.Parse("203.0.113.1");
    private readonly Dictionary<string, PresenceStatus> _presence = [];
    private VisitorRouter _router = null!;
    private RoutingPolicy _policy = null!;
    private VisitorRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        var seed = SandboxSeed.Load(Path.Combine(AppContext.BaseDirectory, "sandbox", "demo-seed.json"));
        var vendors = new StubVendors();
        vendors.Companies[AcmeOffice] = seed
            .Companies.First(c => c.Identification.Company?.Domain == "acme.com")
            .Identification.Company!;
        foreach (var account in seed.Accounts.Where(a => a.Domain is { Length: > 0 }))
        {
            vendors.AccountsByDomain[account.Domain!] = account;
        }

        _policy = PolicyFile.Load(DemoPolicy.AlwaysOpen(TimeSpan.FromSeconds(30)));
        foreach (var rep in _policy.Reps)
        {
            _presence[rep.Id] = PresenceStatus.Available;
        }

        var names = new Dictionary<Capability, string>
        {
            [Capability.Enrichment] = "Memory",
            [Capability.Crm] = "Memory",
            [Capability.Sequencing] = "Memory",
            [Capability.Marketing] = "Memory",
        };
        var gatherer = new FactGatherer(
            new FactSources(vendors, vendors, vendors, vendors, names),
            TimeProvider.System,
            NullLogger<FactGatherer>.Instance
        );
        _router = new VisitorRouter(gatherer, this, new InMemoryRoundRobin(), TimeProvider.System);
        _request = new VisitorRequest(
            "bench",
            AcmeOffice,
            new Uri("https://www.example.com/pricing"),
            "jane.doe@acme.com",
            null
        );
    }

    [Benchmark]
    public async Task<string> RouteVisitor() =>
        (await _router.RouteAsync(_request, _policy, CancellationToken.None)).Target.Kind.ToString();

    public Task<IReadOnlyDictionary<string, PresenceStatus>> GetAllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, PresenceStatus>>(_presence);
}
