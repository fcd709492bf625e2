using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Connectors.Salesforce.Fake;

/// <summary>The Salesforce fake for sandbox mode, seeded with the seed's CRM data.</summary>
public sealed class SalesforceSandbox : SandboxVendor<SalesforceFake>
{
    public override string ConnectorName => "Salesforce";

    /// <summary>
    /// Salesforce: an Enterprise Edition org's daily API requests, 100,000 + 1,000 per licence (VENDOR_APIS.md §2.5),
    /// for the base org.
    /// </summary>
    protected override SalesforceFake Create(TimeProvider clock) => new(clock) { DailyApiLimit = 100_000 };

    protected override void Unlimited(SalesforceFake fake) => fake.DailyApiLimit = int.MaxValue;

    protected override IReadOnlyDictionary<string, string?> Settings(SalesforceFake fake) =>
        new Dictionary<string, string?>
        {
            ["BaseUrl"] = fake.BaseUrl.ToString(),
            ["ClientId"] = SalesforceFake.ClientId,
            ["ClientSecret"] = SalesforceFake.ClientSecret,
        };

    protected override void Seed(SalesforceFake fake, SandboxSeed seed, DateTimeOffset now) => fake.Seed(seed, now);
}
