using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Connectors.SixSense.Fake;

/// <summary>The 6sense fake for sandbox mode, seeded with the seed's companies.</summary>
public sealed class SixSenseSandbox : SandboxVendor<SixSenseFake>
{
    public override string ConnectorName => "SixSense";

    /// <summary>6sense: about 100 Company Identification requests a minute per token (VENDOR_APIS.md §1.3).</summary>
    protected override SixSenseFake Create(TimeProvider clock) => new(clock) { CallsPerMinute = 100 };

    protected override void Unlimited(SixSenseFake fake) => fake.CallsPerMinute = int.MaxValue;

    protected override IReadOnlyDictionary<string, string?> Settings(SixSenseFake fake) =>
        new Dictionary<string, string?>
        {
            ["BaseUrl"] = fake.BaseUrl.ToString(),
            ["ApiToken"] = SixSenseFake.ValidToken,
        };

    protected override void Seed(SixSenseFake fake, SandboxSeed seed, DateTimeOffset now) => fake.Seed(seed.Companies);
}
