using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Connectors.Marketo.Fake;

/// <summary>The Marketo fake for sandbox mode, seeded with the seed's programs and engagements.</summary>
public sealed class MarketoSandbox : SandboxVendor<MarketoFake>
{
    public override string ConnectorName => "Marketo";

    protected override MarketoFake Create(TimeProvider clock) =>
        new(clock) { CallsPer20Seconds = int.MaxValue, MaxConcurrent = int.MaxValue };

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
