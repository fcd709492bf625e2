using IntegrationHub.Connectors.Marketo.Fake;
using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Sdk.TestKit;

namespace IntegrationHub.Connectors.Marketo.Tests;

/// <summary>
/// A Marketo fake with 25 programs (12 tagged for reps) and two people; the connector as the hub builds it.
/// </summary>
public sealed class MarketoWorld : IAsyncDisposable
{
    public const int Tagged = 12;
    private ConnectorHarness? _harness;

    private static readonly DateTimeOffset Updated = new(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Jane's engagement, as seeded.</summary>
    public static readonly PersonEngagement Jane = new(
        "7001",
        "jane@acme.com",
        130,
        "Attended webinar: Q4 Product Webinar",
        Updated
    );

    public MarketoWorld()
    {
        Fake.Seed(
            Enumerable.Range(1, 25).Select(Program),
            [Jane, new PersonEngagement("7002", "max@acme.com", 40, "Opened email", null)]
        );
    }

    /// <summary>Program <paramref name="i"/> of the 25, as seeded; the first <see cref="Tagged"/> are tagged.</summary>
    public static MarketingProgram Program(int i) =>
        new(
            (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Program {i}",
            "Webinar",
            "Default",
            $"https://app.marketo.test/#PG{1000 + i}A1",
            [new ProgramTag("UsedWithQualified", i <= Tagged ? "True" : "False")],
            Updated.AddDays(i)
        );

    public MarketoFake Fake { get; } = new(TestClock.Running());

    public ConnectorHarness Harness(Action<Dictionary<string, string?>>? tune = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["BaseUrl"] = Fake.BaseUrl.ToString(),
            ["ClientId"] = MarketoFake.ClientId,
            ["ClientSecret"] = MarketoFake.ClientSecret,
            ["PageSize"] = "5",
            ["Resilience:MaxRetryAttempts"] = "2",
            ["Resilience:BaseDelay"] = "00:00:00.010",
            ["Resilience:CircuitMinimumThroughput"] = "100",
        };
        tune?.Invoke(settings);
        _harness = ConnectorHarness.Create<MarketoConnector>(settings);
        return _harness;
    }

    public IMarketingConnector Connector(Action<Dictionary<string, string?>>? tune = null) =>
        Harness(tune).Get<MarketoConnector>();

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }

        await Fake.DisposeAsync();
    }
}
