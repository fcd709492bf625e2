using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Connectors.Marketo.Fake;

/// <summary>The Marketo fake for sandbox mode, seeded with the seed's programs and engagements.</summary>
public sealed class MarketoSandbox : SandboxVendor<MarketoFake>
{
    public override string ConnectorName => "Marketo";

    /// <summary>
    /// Marketo: 100 calls in any 20 s and 10 in flight per instance (VENDOR_APIS.md §4.4), and the default daily
    /// quota of 50,000 calls, reset at midnight Central time.
    /// </summary>
    protected override MarketoFake Create(TimeProvider clock) =>
        new(clock)
        {
            CallsPer20Seconds = 100,
            MaxConcurrent = 10,
            DailyQuota = 50_000,
        };

    protected override void Unlimited(MarketoFake fake)
    {
        fake.CallsPer20Seconds = int.MaxValue;
        fake.MaxConcurrent = int.MaxValue;
        fake.DailyQuota = int.MaxValue;
    }

    protected override IReadOnlyDictionary<string, string?> Settings(MarketoFake fake) =>
        new Dictionary<string, string?>
        {
            ["BaseUrl"] = fake.BaseUrl.ToString(),
            ["ClientId"] = MarketoFake.ClientId,
            ["ClientSecret"] = MarketoFake.ClientSecret,
        };

    protected override void Seed(MarketoFake fake, SandboxSeed seed, DateTimeOffset now) =>
        fake.Seed(
            seed.Programs.Select(p => p with { UpdatedAt = seed.Shift(p.UpdatedAt, now) }),
            seed.Engagements.Select(e =>
                e with
                {
                    LastInterestingMomentAt = seed.Shift(e.LastInterestingMomentAt, now),
                }
            )
        );
}
