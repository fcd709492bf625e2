using IntegrationHub.Sdk.TestKit;
using PartnerName.Connector.Fake;

namespace PartnerName.Connector.Tests;

/// <summary>The fake seeded with the sandbox world, and the connector built against it as the hub builds it.</summary>
public sealed class PartnerNameWorld : IAsyncDisposable
{
    private readonly List<ConnectorHarness> _harnesses = [];

    /// <summary>Starts the fake on a free port, on the test clock the connector also runs on.</summary>
    public PartnerNameWorld()
    {
        Fake = new PartnerNameFake(Time);
        Fake.SeedDemoWorld(Time.GetUtcNow());
    }

    /// <summary>The clock of the fake, its seed and the connector.</summary>
    public TimeProvider Time { get; } = TestClock.Running();

    /// <summary>The running fake.</summary>
    public PartnerNameFake Fake { get; }

    /// <summary>
    /// A connector pointed at the fake, with short retries so an outage is reported quickly; <paramref name="tune"/>
    /// changes settings (the conformance suite shortens timeouts for a vendor that is down or slow).
    /// </summary>
    public PartnerNameConnector Connector(
        string apiKey = PartnerNameFake.ValidApiKey,
        Action<Dictionary<string, string?>>? tune = null
    )
    {
        var settings = new Dictionary<string, string?>
        {
            ["BaseUrl"] = Fake.BaseUrl.ToString(),
            ["ApiKey"] = apiKey,
            ["Resilience:MaxRetryAttempts"] = "1",
            ["Resilience:BaseDelay"] = "00:00:00.010",
        };
        tune?.Invoke(settings);
        var harness = ConnectorHarness.Create<PartnerNameConnector>(settings, Time);
        _harnesses.Add(harness);
        return harness.Get<PartnerNameConnector>();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var harness in _harnesses)
        {
            await harness.DisposeAsync();
        }

        await Fake.DisposeAsync();
    }
}
