using IntegrationHub.Connectors.Salesforce;
using IntegrationHub.Connectors.Salesforce.Fake;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.TestKit.Conformance;
using SandboxSeed = IntegrationHub.Sdk.Sandbox.SandboxSeed;

namespace IntegrationHub.Sdk.TestKit.Tests;

/// <summary>
/// The CRM suite run by hand against the Salesforce connector as <paramref name="breaking"/> leaves it. Not public,
/// so xUnit does not discover it.
/// </summary>
internal sealed class CrmSuiteUnderTest(Func<ICrmConnector, ICrmConnector> breaking) : CrmConformance, IAsyncDisposable
{
    public static readonly CrmUser Bdr = new("005BDR000000000YBA", "Bea Dee", "bea@hub.test", "005MGR000000000YBA");

    /// <summary>An account whose BDR and owner differ, so the one cannot pass for the other.</summary>
    public static readonly Account Nordwind = new()
    {
        Id = "001NORD00000000YDA",
        Name = "Nordwind AG",
        Domain = "nordwind.de",
        BdrProspectingStatus = BdrProspectingStatus.ActivelyWorking,
        BdrAssignedUserId = "005BDR000000000YBA",
        OwnerUserId = "005MGR000000000YBA",
        Type = AccountType.Prospect,
        Segment = AccountSegment.MidMarket,
        UltimateParentId = "001NORD00000000YDA",
        CountryCode = "DE",
        Description = "Logistics",
    };

    public static readonly Person Lena = new()
    {
        Id = "00QLENA000000002DA",
        Kind = PersonKind.Lead,
        Email = "lena@nordwind.de",
        FirstName = "Lena",
        LastName = "Berg",
        Company = "Nordwind AG",
        Status = LeadStatus.Open,
        OwnerUserId = "005BDR000000000YBA",
        AccountId = "001NORD00000000YDA",
    };

    private readonly SalesforceFake _fake = Seeded(new SalesforceFake(TestClock.Running()));
    private readonly List<ConnectorHarness> _harnesses = [];

    protected override VendorFake Vendor => _fake;

    protected override string KnownDomain => Nordwind.Domain;

    protected override Account KnownAccount => Nordwind;

    protected override Person KnownPerson => Lena;

    protected override CrmUser KnownUser => Bdr;

    protected override Task<ICrmConnector> CreateConnectorAsync(VendorCondition condition)
    {
        var harness = ConnectorHarness.Create<SalesforceConnector>(
            new Dictionary<string, string?>
            {
                ["BaseUrl"] = _fake.BaseUrl.ToString(),
                ["ClientId"] = SalesforceFake.ClientId,
                ["ClientSecret"] = SalesforceFake.ClientSecret,
                ["Resilience:MaxRetryAttempts"] = "2",
                ["Resilience:BaseDelay"] = "00:00:00.010",
                ["Resilience:CircuitMinimumThroughput"] = "100",
            }
        );
        _harnesses.Add(harness);
        return Task.FromResult(breaking(harness.Get<SalesforceConnector>()));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var harness in _harnesses)
        {
            await harness.DisposeAsync();
        }

        await _fake.DisposeAsync();
    }

    private static SalesforceFake Seeded(SalesforceFake fake)
    {
        fake.Seed(
            new SandboxSeed
            {
                Users = [Bdr, new CrmUser("005MGR000000000YBA", "Manny", "manny@hub.test", null)],
                Accounts = [Nordwind],
                People = [Lena],
            },
            fake.Time.GetUtcNow()
        );
        return fake;
    }
}
