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
        Id = "001ACME",
        Name = "Acme Corp",
        Domain = "acme.com",
        BdrProspectingStatus = BdrProspectingStatus.ActivelyWorking,
        BdrAssignedUserId = "005BDR",
        OwnerUserId = "005MGR",
        Type = AccountType.Customer,
        Segment = AccountSegment.Large,
        TotalCarrCents = 1_234_500,
        UltimateParentId = "001ACME",
        CountryCode = "US",
        Description = "Widgets",
        PaidTier = true,
    };

    /// <summary>An MQL lead on Acme, as seeded.</summary>
    public static readonly Person Jane = new Person
    {
        Id = "00QJANE",
        Kind = PersonKind.Lead,
        Email = "jane@acme.com",
        FirstName = "Jane",
        LastName = "Doe",
        Company = "Acme Corp",
        Title = "VP Operations",
        Phone = "+1 408 555 0100",
        CountryCode = "US",
        Status = LeadStatus.Mql,
        OwnerUserId = "005BDR",
        AccountId = "001ACME",
        MqlAt = Now.AddDays(-3),
        LeadScore = 120,
    };

    /// <summary>The BDR on Acme, as seeded.</summary>
    public static readonly CrmUser Bdr = new("005BDR", "Bea Dee", "bea@hub.test", "005MGR");

    private ConnectorHarness? _harness;

    public SalesforceWorld()
    {
        Fake.Seed(
            new SandboxSeed
            {
                Users = [Bdr, new CrmUser("005MGR", "Manny", "manny@hub.test", null)],
                Accounts =
                [
                    Acme,
                    new Account
                    {
                        Id = "001SUB",
                        Name = "Acme Labs",
                        Domain = "acmelabs.com",
                        Segment = AccountSegment.Smb,
                        ParentAccountId = "001ACME",
                        UltimateParentId = "001ACME",
                        BdrProspectingStatus = BdrProspectingStatus.Queued,
                        PartnerProspectingStatus = "Partner Prospecting",
                    },
                    new Account
                    {
                        Id = "001QUOTE",
                        Name = "O'Brien & Sons",
                        Domain = "obrien.ie",
                        UltimateParentId = "001QUOTE",
                    },
                ],
                People =
                [
                    Jane,
                    new Person
                    {
                        Id = "003JOHN",
                        Kind = PersonKind.Contact,
                        Email = "john@acme.com",
                        FirstName = "John",
                        LastName = "Smith",
                        AccountId = "001ACME",
                        OwnerUserId = "005MGR",
                    },
                ],
                Activities =
                [
                    new Activity("00TCALL", "001ACME", "005BDR", ActivityKind.Call, Now.AddDays(-5), "Discovery"),
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
