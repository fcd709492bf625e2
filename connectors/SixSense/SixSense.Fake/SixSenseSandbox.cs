using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Connectors.SixSense.Fake;

/// <summary>The 6sense fake for sandbox mode, seeded with the seed's companies.</summary>
public sealed class SixSenseSandbox : SandboxVendor<SixSenseFake>
{
    public override string ConnectorName => "SixSense";

    protected override SixSenseFake Create(TimeProvider clock) => new(clock) { CallsPerMinute = int.MaxValue };

    protected override IReadOnlyDictionary<string, string?> Settings(SixSenseFake fake) =>
        new Dictionary<string, string?>
        {
            ["BaseUrl"] = fake.BaseUrl.ToString(),
            ["ApiToken"] = SixSenseFake.ValidToken,
        };

    protected override void Seed(SixSenseFake fake, SandboxSeed seed, DateTimeOffset now) => fake.Seed(seed.Companies);
}
