using IntegrationHub.Connectors.Salesforce.Fake;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Sandbox;
using IntegrationHub.Sdk.TestKit;

namespace IntegrationHub.Connectors.Salesforce.Tests;

/// <summary>
/// A fake org with a small account hierarchy, people and activity; the connector built the way the hub builds it.
/// </summary>
public sealed class SalesforceWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = TestClock.Running().GetUtcNow();

    /// <summary>The top of the hierarchy, as seeded.</summary>
    public static readonly Account Acme = new Account
    {
        Id = "001ACME00000000YDA",
        Name = "Acme Corp",
        Domain = "acme.com",
        BdrProspectingStatus = BdrProspectingStatus.ActivelyWorking,
        BdrAssignedUserId = "005BDR000000000YBA",
        OwnerUserId = "005MGR000000000YBA",
        Type = AccountType.Customer,
        Segment = AccountSegment.Large,
        TotalCarrCents = 1_234_500,
        UltimateParentId = "001ACME00000000YDA",
        CountryCode = "US",
        Description = "Widgets",
        PaidTier = true,
    };

    /// <summary>An MQL lead on Acme, as seeded.</summary>
    public static readonly Person Jane = new Person
    {
        Id = "00QJANE000000002DA",
        Kind = PersonKind.Lead,
        Email = "jane@acme.com",
        FirstName = "Jane",
        LastName = "Doe",
        Company = "Acme Corp",
        Title = "VP Operations",
        Phone = "+1 408 555 0100",
        CountryCode = "US",
        Status = LeadStatus.Mql,
        OwnerUserId = "005BDR000000000YBA",
        AccountId = "001ACME00000000YDA",
        MqlAt = Now.AddDays(-3),
        LeadScore = 120,
    };

    /// <summary>The BDR on Acme, as seeded.</summary>
    public static readonly CrmUser Bdr = new("005BDR000000000YBA", "Bea Dee", "bea@hub.test", "005MGR000000000YBA");

    private ConnectorHarness? _harness;

    public SalesforceWorld()
    {
        Fake.Seed(
            new SandboxSeed
            {
                Users = [Bdr, new CrmUser("005MGR000000000YBA", "Manny", "manny@hub.test", null)],
                Accounts =
                [
                    Acme,
                    new Account
                    {
                        Id = "001SUB000000000YBA",
                        Name = "Acme Labs",
                        Domain = "acmelabs.com",
                        Segment = AccountSegment.Smb,
                        ParentAccountId = "001ACME00000000YDA",
                        UltimateParentId = "001ACME00000000YDA",
                        BdrProspectingStatus = BdrProspectingStatus.Queued,
                        PartnerProspectingStatus = "Partner Prospecting",
                    },
                    new Account
                    {
                        Id = "001QUOTE0000000YHA",
                        Name = "O'Brien & Sons",
                        Domain = "obrien.ie",
                        UltimateParentId = "001QUOTE0000000YHA",
                    },
                ],
                People =
                [
                    Jane,
                    new Person
                    {
                        Id = "003JOHN00000000YDA",
                        Kind = PersonKind.Contact,
                        Email = "john@acme.com",
                        FirstName = "John",
                        LastName = "Smith",
                        AccountId = "001ACME00000000YDA",
                        OwnerUserId = "005MGR000000000YBA",
                    },
                ],
                Activities =
                [
                    new Activity(
                        "00TCALL000000002DA",
                        "001ACME00000000YDA",
                        "005BDR000000000YBA",
                        ActivityKind.Call,
                        Now.AddDays(-5),
                        "Discovery"
                    ),
                ],
            },
            Now
        );
    }

    public SalesforceFake Fake { get; } = new(TestClock.Running());

    public ICrmConnector Connector(Action<Dictionary<string, string?>>? tune = null) =>
        Harness(tune).Get<SalesforceConnector>();

    public ConnectorHarness Harness(Action<Dictionary<string, string?>>? tune = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["BaseUrl"] = Fake.BaseUrl.ToString(),
            ["ClientId"] = SalesforceFake.ClientId,
            ["ClientSecret"] = SalesforceFake.ClientSecret,
            ["Resilience:MaxRetryAttempts"] = "2",
            ["Resilience:BaseDelay"] = "00:00:00.010",
            ["Resilience:CircuitMinimumThroughput"] = "100",
        };
        tune?.Invoke(settings);
        _harness = ConnectorHarness.Create<SalesforceConnector>(settings);
        return _harness;
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }

        await Fake.DisposeAsync();
    }
}
