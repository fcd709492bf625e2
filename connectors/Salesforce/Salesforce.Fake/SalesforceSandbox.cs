using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Connectors.Salesforce.Fake;

/// <summary>The Salesforce fake for sandbox mode, seeded with the seed's CRM data.</summary>
public sealed class SalesforceSandbox : SandboxVendor<SalesforceFake>
{
    public override string ConnectorName => "Salesforce";

    protected override SalesforceFake Create(TimeProvider clock) => new(clock) { DailyApiLimit = int.MaxValue };

    protected override IReadOnlyDictionary<string, string?> Settings(SalesforceFake fake) =>
        new Dictionary<string, string?>
        {
            ["BaseUrl"] = fake.BaseUrl.ToString(),
            ["ClientId"] = SalesforceFake.ClientId,
            ["ClientSecret"] = SalesforceFake.ClientSecret,
        };

    protected override void Seed(SalesforceFake fake, SandboxSeed seed, DateTimeOffset now) => fake.Seed(seed, now);
}
