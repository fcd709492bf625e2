using System.Net;
using IntegrationHub.Connectors.SixSense;
using IntegrationHub.Connectors.SixSense.Fake;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.TestKit;
using IntegrationHub.Sdk.TestKit.Conformance;
using SeedCompany = IntegrationHub.Sdk.Sandbox.SeedCompany;

namespace IntegrationHub.Sdk.TestKit.Tests;

/// <summary>
/// The enrichment suite run by hand against the 6sense connector after <paramref name="breaking"/> has had its way
/// with it (or against the connector <paramref name="breaking"/> writes instead). Not public, so xUnit does not
/// discover it: the tests call its checks one by one and say whether each must fail.
/// </summary>
internal sealed class EnrichmentSuiteUnderTest(Func<IEnrichmentConnector, SixSenseFake, IEnrichmentConnector> breaking)
    : EnrichmentConformance,
        IAsyncDisposable
{
    public static readonly IPAddress KlarIp = IPAddress.Parse("203.0.113.70");

    /// <summary>A German company, so a country's name and its code cannot be mistaken for each other.</summary>
    public static readonly CompanyIdentification Klar = new(
        MatchStatus.Match,
        MatchConfidence.High,
        new Firmographics(
            "Klar Maschinen GmbH",
            "klar-maschinen.de",
            "DE",
            "Germany",
            "Western Europe",
            "Bavaria",
            "Munich",
            "Manufacturing",
            "500 - 999",
            720,
            "$100M - $250M",
            180_000_000,
            "3559",
            "333249"
        ),
        [new ProductScore("hub_platform", "Hub Platform", 71, BuyingStage.Decision, 55, ProfileFit.Strong, true)],
        [new CompanySegment(5120, "Website Engagement 7d")]
    );

    private readonly SixSenseFake _fake = Seeded(new SixSenseFake(TestClock.Running()));
    private readonly List<ConnectorHarness> _harnesses = [];

    protected override VendorFake Vendor => _fake;

    protected override IPAddress KnownIp => KlarIp;

    protected override string KnownDomain => "klar-maschinen.de";

    protected override IPAddress UnknownIp => IPAddress.Parse("198.51.100.9");

    protected override CompanyIdentification KnownCompany => Klar;

    protected override Task<IEnrichmentConnector> CreateConnectorAsync(VendorCondition condition)
    {
        var harness = ConnectorHarness.Create<SixSenseConnector>(
            new Dictionary<string, string?>
            {
                ["BaseUrl"] = _fake.BaseUrl.ToString(),
                ["ApiToken"] = SixSenseFake.ValidToken,
                ["PrimaryProduct"] = "hub_platform",
                ["Resilience:MaxRetryAttempts"] = "2",
                ["Resilience:BaseDelay"] = "00:00:00.010",
                ["Resilience:AttemptTimeout"] = "00:00:01",
                ["Resilience:CircuitMinimumThroughput"] = "100",
            }
        );
        _harnesses.Add(harness);
        return Task.FromResult(breaking(harness.Get<SixSenseConnector>(), _fake));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var harness in _harnesses)
        {
            await harness.DisposeAsync();
        }

        await _fake.DisposeAsync();
    }

    private static SixSenseFake Seeded(SixSenseFake fake)
    {
        fake.Seed([new SeedCompany(["203.0.113.64/28"], Klar)]);
        return fake;
    }
}
