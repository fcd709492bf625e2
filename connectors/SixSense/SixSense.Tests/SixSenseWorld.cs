using System.Net;
using IntegrationHub.Connectors.SixSense.Fake;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Sandbox;
using IntegrationHub.Sdk.TestKit;

namespace IntegrationHub.Connectors.SixSense.Tests;

/// <summary>A 6sense fake with two companies, and the connector pointed at it the way the hub builds it.</summary>
public sealed class SixSenseWorld : IAsyncDisposable
{
    public static readonly IPAddress AcmeIp = IPAddress.Parse("203.0.113.10");
    public static readonly IPAddress IspIp = IPAddress.Parse("192.0.2.245");
    public static readonly IPAddress UnknownIp = IPAddress.Parse("198.51.100.200");

    /// <summary>The company behind <see cref="AcmeIp"/>, as seeded and as the connector should return it.</summary>
    public static readonly CompanyIdentification Acme = new CompanyIdentification(
        MatchStatus.Match,
        MatchConfidence.VeryHigh,
        new Firmographics(
            "Acme Corp",
            "acme.com",
            "US",
            "United States",
            "Northern America",
            "California",
            "San Jose",
            "Software and Technology",
            "1,000 - 4,999",
            2300,
            "$250M - $500M",
            310_000_000,
            "7372",
            ""
        ),
        [
            new ProductScore("other_product", "Other", 10, BuyingStage.Awareness, 20, ProfileFit.Weak, false),
            new ProductScore("hub_platform", "Hub Platform", 63, BuyingStage.Consideration, 9, ProfileFit.Weak, true),
        ],
        [new CompanySegment(4713, "Website Engagement 30d"), new CompanySegment(28237, "Keyword: Chatbots")]
    );

    private ConnectorHarness? _harness;

    public SixSenseWorld()
    {
        Fake.Seed([
            new SeedCompany(["203.0.113.0/28", "2001:db8:a::/48"], Acme),
            new SeedCompany(
                ["192.0.2.240/28"],
                new CompanyIdentification(
                    MatchStatus.NonActionable,
                    MatchConfidence.Low,
                    new Firmographics(
                        "Demo ISP",
                        "demo-isp.net",
                        "US",
                        "United States",
                        "",
                        "",
                        "",
                        "Telecommunications",
                        "",
                        0,
                        "",
                        0,
                        "",
                        ""
                    ),
                    [],
                    []
                )
            ),
        ]);
    }

    public SixSenseFake Fake { get; } = new(TestClock.Running());

    public IEnrichmentConnector Connector(
        string? token = null,
        Action<Dictionary<string, string?>>? tune = null,
        TimeProvider? time = null
    )
    {
        var settings = new Dictionary<string, string?>
        {
            ["BaseUrl"] = Fake.BaseUrl.ToString(),
            ["ApiToken"] = token ?? SixSenseFake.ValidToken,
            ["PrimaryProduct"] = "hub_platform",
            ["Resilience:MaxRetryAttempts"] = "2",
            ["Resilience:BaseDelay"] = "00:00:00.010",
            ["Resilience:AttemptTimeout"] = "00:00:02",
            ["Resilience:TotalTimeout"] = "00:00:10",
            ["Resilience:CircuitMinimumThroughput"] = "100",
        };
        tune?.Invoke(settings);
        _harness = ConnectorHarness.Create<SixSenseConnector>(settings, time);
        return _harness.Get<SixSenseConnector>();
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }

        await Fake.DisposeAsync();
    }
}
