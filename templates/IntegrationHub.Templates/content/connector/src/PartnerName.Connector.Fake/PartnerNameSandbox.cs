using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.Sandbox;

namespace PartnerName.Connector.Fake;

/// <summary>
/// What a sandbox hub uses when the PartnerName connector has no credentials: starts the fake, points the connector
/// at it, and seeds it with this connector's own demo world (the hub's seed file has no PartnerName part).
/// </summary>
public sealed class PartnerNameSandbox : SandboxVendor<PartnerNameFake>
{
    /// <inheritdoc />
    public override string ConnectorName => "PartnerName";

    /// <inheritdoc />
    protected override PartnerNameFake Create(TimeProvider clock) => new(clock);

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string?> Settings(PartnerNameFake fake) =>
        new Dictionary<string, string?>
        {
            ["BaseUrl"] = fake.BaseUrl.ToString(),
            ["ApiKey"] = PartnerNameApi.ValidApiKey,
        };

    /// <inheritdoc />
    protected override void Seed(PartnerNameFake fake, SandboxSeed seed, DateTimeOffset now) => fake.SeedDemoWorld(now);
}
