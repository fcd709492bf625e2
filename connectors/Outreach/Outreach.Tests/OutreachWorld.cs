using IntegrationHub.Connectors.Outreach.Fake;
using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Sdk.Http;
using IntegrationHub.Sdk.Sandbox;
using IntegrationHub.Sdk.TestKit;

namespace IntegrationHub.Connectors.Outreach.Tests;

/// <summary>
/// An Outreach fake with two reps, a prospect in three sequences and a tracked click; the connector as the hub builds
/// it.
/// </summary>
public sealed class OutreachWorld : IAsyncDisposable
{
    public static readonly SequencingRep Owner = new("101", "owner@hub.test", "Olive Owner");
    public static readonly SequencingRep Sender = new("102", "sender@hub.test", "Sam Sender");
    private readonly List<ConnectorHarness> _harnesses = [];

    public OutreachWorld()
    {
        var now = Fake.Time.GetUtcNow();
        Jane = new Prospect(
            "18",
            ["jane@acme.com"],
            "Jane",
            "Doe",
            "VP Ops",
            "Acme",
            Owner,
            [
                new SequenceState(
                    "180",
                    "42",
                    "Inbound High Touch",
                    SequenceStateKind.Active,
                    Sender,
                    now.AddDays(-2),
                    0
                ),
                new SequenceState("181", "43", "Nurture", SequenceStateKind.Paused, Owner, now.AddDays(-9), 0),
                new SequenceState("182", "44", "Old ABM", SequenceStateKind.Finished, Owner, now.AddDays(-90), 1),
            ]
        );
        JanesClick = new ClickThrough(Jane, Sender, "42", now.AddMinutes(-3));
        Fake.Seed(
            new SandboxSeed
            {
                SequencingReps = [Owner, Sender],
                Prospects = [Jane, new Prospect("19", ["max@acme.com"], "Max", "Roe", "", "Acme", Owner, [])],
                ClickThroughs = [new SeedClickThrough("ct-jane", "18", "42", "102", JanesClick.ClickedAt)],
            },
            now
        );
    }

    public OutreachFake Fake { get; } = new(TestClock.Running());

    /// <summary>A prospect in three sequences (active, paused, finished), as seeded.</summary>
    public Prospect Jane { get; }

    /// <summary>Jane's click three minutes ago in sequence 42, sent by <see cref="Sender"/>, as seeded.</summary>
    public ClickThrough JanesClick { get; }

    /// <summary>
    /// The connector's services; pass one credential store to several to act as instances of one hub.
    /// </summary>
    public ConnectorHarness Harness(
        Action<Dictionary<string, string?>>? tune = null,
        IConnectorCredentialStore? credentials = null
    )
    {
        var settings = new Dictionary<string, string?>
        {
            ["BaseUrl"] = Fake.BaseUrl.ToString(),
            ["ClientId"] = OutreachFake.ClientId,
            ["ClientSecret"] = OutreachFake.ClientSecret,
            ["RefreshToken"] = OutreachFake.InitialRefreshToken,
            ["Resilience:MaxRetryAttempts"] = "2",
            ["Resilience:BaseDelay"] = "00:00:00.010",
            ["Resilience:CircuitMinimumThroughput"] = "100",
        };
        tune?.Invoke(settings);
        var harness = ConnectorHarness.Create<OutreachConnector>(settings, credentials: credentials);
        _harnesses.Add(harness);
        return harness;
    }

    public ISequencingConnector Connector(
        Action<Dictionary<string, string?>>? tune = null,
        IConnectorCredentialStore? credentials = null
    ) => Harness(tune, credentials).Get<OutreachConnector>();

    public async ValueTask DisposeAsync()
    {
        foreach (var harness in _harnesses)
        {
            await harness.DisposeAsync();
        }

        await Fake.DisposeAsync();
    }
}
