using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Connectors.Outreach.Fake;

/// <summary>The Outreach fake for sandbox mode, seeded with the seed's prospects, reps and click-throughs.</summary>
public sealed class OutreachSandbox : SandboxVendor<OutreachFake>
{
    public override string ConnectorName => "Outreach";

    /// <summary>Outreach: 10,000 requests an hour per user, fixed window (VENDOR_APIS.md §3.4).</summary>
    protected override OutreachFake Create(TimeProvider clock) => new(clock) { HourlyLimit = 10_000 };

    protected override void Unlimited(OutreachFake fake) => fake.HourlyLimit = int.MaxValue;

    protected override IReadOnlyDictionary<string, string?> Settings(OutreachFake fake) =>
        new Dictionary<string, string?>
        {
            ["BaseUrl"] = fake.BaseUrl.ToString(),
            ["ClientId"] = OutreachFake.ClientId,
            ["ClientSecret"] = OutreachFake.ClientSecret,
            ["RefreshToken"] = OutreachFake.InitialRefreshToken,
        };

    protected override void Seed(OutreachFake fake, SandboxSeed seed, DateTimeOffset now) => fake.Seed(seed, now);
}
