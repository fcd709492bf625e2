using IntegrationHub.Connectors.Salesforce.Fake;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Connectors.Salesforce.Tests;

/// <summary>The Salesforce connector against the fake of its real REST API.</summary>
public sealed class SalesforceContractTests : IAsyncLifetime
{
    private readonly SalesforceWorld _world = new();

    private SalesforceFake Fake => _world.Fake;

    private static LeadFields NewLead(string email) =>
        new()
        {
            Email = email,
            FirstName = "Nina",
            LastName = "Park",
            Company = "Newco",
            Status = LeadStatus.Mql,
            OwnerUserId = "005BDR000000000YBA",
        };

    [Fact]
    public async Task It_authenticates_once_with_client_credentials_and_sends_bearer_soql()
    {
        var crm = _world.Connector();
        await crm.GetAccountByDomainAsync("acme.com", CancellationToken.None);
        await crm.GetAccountByDomainAsync("acme.com", CancellationToken.None);

        Assert.Equal(1, Fake.TokensIssued);
        var token = Fake.Requests.Single(r => r.RequestMessage!.Path == "/services/oauth2/token").RequestMessage!;
        Assert.Contains("grant_type=client_credentials", token.Body, StringComparison.Ordinal);
        var query = Fake
            .Requests.First(r => r.RequestMessage!.Path.EndsWith("/query", StringComparison.Ordinal))
            .RequestMessage!;
        Assert.StartsWith("Bearer 00DS", query.Headers!["Authorization"].Single(), StringComparison.Ordinal);
        Assert.Contains(
            "FROM Account WHERE Primary_Domain__c = 'acme.com'",
            query.Query!["q"].Single(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task It_reads_every_account_field_the_rules_need()
    {
        var account = (await _world.Connector().GetAccountByDomainAsync("acme.com", CancellationToken.None))!;
        Assert.Equal(BdrProspectingStatus.ActivelyWorking, account.BdrProspectingStatus);
        Assert.Equal("005BDR000000000YBA", account.BdrAssignedUserId);
        Assert.Equal(AccountType.Customer, account.Type);
        Assert.Equal(AccountSegment.Large, account.Segment);
        Assert.Equal(1_234_500, account.TotalCarrCents);
        Assert.True(account.PaidTier);
        Assert.Equal("US", account.CountryCode);
    }

    [Fact]
    public async Task A_query_follows_next_records_url_to_the_last_page()
    {
        for (var i = 0; i < 7; i++)
        {
            Fake.Insert(
                "Account",
                new Dictionary<string, object?> { ["Name"] = "Acme Corp", ["Primary_Domain__c"] = $"acme{i}.io" }
            );
        }

        Fake.PageSize = 3;
        var accounts = await _world.Connector().FindAccountsByNameAsync("Acme Corp", CancellationToken.None);

        Assert.Equal(8, accounts.Count);
        Assert.Equal(3, Fake.Requests.Count(r => r.RequestMessage!.Path.Contains("/query", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_value_with_quotes_cannot_break_out_of_the_query()
    {
        var crm = _world.Connector();
        Assert.Equal(
            "001QUOTE0000000YHA",
            Assert.Single(await crm.FindAccountsByNameAsync("O'Brien & Sons", CancellationToken.None)).Id
        );
        Assert.Empty(await crm.FindAccountsByNameAsync("x' OR Name != 'y", CancellationToken.None));
    }

    [Fact]
    public async Task An_expired_session_is_renewed_once_and_the_call_succeeds()
    {
        var crm = _world.Connector();
        await crm.GetAccountByIdAsync("001ACME00000000YDA", CancellationToken.None);
        Fake.ExpireSessions();

        var account = await crm.GetAccountByIdAsync("001ACME00000000YDA", CancellationToken.None);

        Assert.Equal("Acme Corp", account?.Name);
        Assert.Equal(2, Fake.TokensIssued);
    }

    [Fact]
    public async Task Wrong_credentials_are_a_vendor_authentication_failure_without_the_secret()
    {
        var crm = _world.Connector(s => s["ClientSecret"] = "wrong-secret-value");
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            crm.GetAccountByIdAsync("001ACME00000000YDA", CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.VendorAuthentication, error.Kind);
        Assert.Equal("INVALID_CLIENT", error.Reason);
        Assert.DoesNotContain("wrong-secret-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_daily_api_limit_is_a_quota_failure_reported_at_once()
    {
        var crm = _world.Connector();
        await crm.GetAccountByIdAsync("001ACME00000000YDA", CancellationToken.None);
        Fake.DailyApiLimit = Fake.ApiCalls;

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            crm.GetAccountByIdAsync("001ACME00000000YDA", CancellationToken.None)
        );

        Assert.Equal(ConnectorErrorKind.QuotaExhausted, error.Kind);
        Assert.Equal("REQUEST_LIMIT_EXCEEDED", error.Reason);
        Assert.Equal(Fake.DailyApiLimit + 1, Fake.ApiCalls);
        Assert.All(
            Fake.Requests.Where(r => r.RequestMessage!.Path.StartsWith("/services/data", StringComparison.Ordinal)),
            r =>
                Assert.StartsWith(
                    "api-usage=",
                    r.ResponseMessage!.Headers!["Sforce-Limit-Info"].Single(),
                    StringComparison.Ordinal
                )
        );
    }

    [Fact]
    public async Task Upsert_sends_the_external_id_in_the_path_and_a_retry_updates_the_same_lead()
    {
        var crm = _world.Connector();
        var first = await crm.UpsertLeadAsync("hub-abc", NewLead("nina@newco.io"), CancellationToken.None);
        var again = await crm.UpsertLeadAsync(
            "hub-abc",
            NewLead("nina@newco.io") with
            {
                Title = "CTO",
            },
            CancellationToken.None
        );

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal("CTO", again.Lead.Title);
        Assert.Equal("hub-abc", again.Lead.ExternalId);
        Assert.Single(Fake.Records("Lead"), r => (string?)r["Email"] == "nina@newco.io");
        Assert.Equal(
            2,
            Fake.CountRequests("PATCH", "/services/data/v60.0/sobjects/Lead/IntegrationHub_Key__c/hub-abc")
        );
    }

    [Fact]
    public async Task A_duplicate_rule_match_is_adopted_instead_of_creating_a_second_lead()
    {
        var result = await _world
            .Connector()
            .UpsertLeadAsync("hub-jane", NewLead("jane@acme.com"), CancellationToken.None);

        Assert.False(result.Created);
        Assert.Equal("00QJANE000000002DA", result.Lead.Id);
        Assert.Equal("hub-jane", result.Lead.ExternalId);
        Assert.Single(Fake.Records("Lead"), r => (string?)r["Email"] == "jane@acme.com");
    }

    [Fact]
    public async Task Several_leads_with_one_external_id_is_a_conflict()
    {
        Fake.Insert(
            "Lead",
            new Dictionary<string, object?>
            {
                ["LastName"] = "A",
                ["Company"] = "C",
                ["IntegrationHub_Key__c"] = "dup",
            }
        );
        Fake.Insert(
            "Lead",
            new Dictionary<string, object?>
            {
                ["LastName"] = "B",
                ["Company"] = "C",
                ["IntegrationHub_Key__c"] = "dup",
            }
        );
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world.Connector().UpsertLeadAsync("dup", NewLead("x@c.io"), CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public async Task Conversion_makes_one_contact_even_when_repeated_and_then_the_lead_is_protected()
    {
        var crm = _world.Connector();
        var contact = await crm.ConvertLeadAsync("00QJANE000000002DA", "001ACME00000000YDA", CancellationToken.None);
        var again = await crm.ConvertLeadAsync("00QJANE000000002DA", "001ACME00000000YDA", CancellationToken.None);

        Assert.Equal(PersonKind.Contact, contact.Kind);
        Assert.Equal(contact.Id, again.Id);
        Assert.Single(Fake.Records("Contact"), r => (string?)r["Email"] == "jane@acme.com");
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            crm.ChangeOwnerAsync("00QJANE000000002DA", "005MGR000000000YBA", CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.FailedPrecondition, error.Kind);
        Assert.Equal("CANNOT_UPDATE_CONVERTED_LEAD", error.Reason);
    }

    [Fact]
    public async Task Owner_changes_land_on_leads_and_contacts()
    {
        var crm = _world.Connector();
        Assert.Equal(
            "005MGR000000000YBA",
            (await crm.ChangeOwnerAsync("00QJANE000000002DA", "005MGR000000000YBA", CancellationToken.None)).OwnerUserId
        );
        Assert.Equal(
            "005BDR000000000YBA",
            (await crm.ChangeOwnerAsync("003JOHN00000000YDA", "005BDR000000000YBA", CancellationToken.None)).OwnerUserId
        );
    }

    [Fact]
    public async Task People_hierarchy_activity_and_users_are_read()
    {
        var crm = _world.Connector();
        var people = await crm.FindPeopleAsync(
            new PeopleQuery(AccountId: "001ACME00000000YDA"),
            CancellationToken.None
        );
        Assert.Equal([PersonKind.Lead, PersonKind.Contact], people.Select(p => p.Kind));
        Assert.Equal(LeadStatus.Mql, people[0].Status);

        Assert.Equal(
            ["001ACME00000000YDA", "001SUB000000000YBA"],
            (await crm.ListAccountHierarchyAsync("001ACME00000000YDA", CancellationToken.None))
                .Select(a => a.Id)
                .Order()
        );
        Assert.Single(
            await crm.ListActivitiesAsync(
                "001ACME00000000YDA",
                SalesforceWorld.Now.AddDays(-30),
                CancellationToken.None
            )
        );
        Assert.Empty(
            await crm.ListActivitiesAsync("001ACME00000000YDA", SalesforceWorld.Now.AddDays(-1), CancellationToken.None)
        );
        Assert.Equal(
            "005MGR000000000YBA",
            (await crm.GetUserAsync("005BDR000000000YBA", CancellationToken.None))?.ManagerUserId
        );
    }

    [Fact]
    public async Task A_logged_activity_is_then_listed()
    {
        var crm = _world.Connector();
        var logged = await crm.LogActivityAsync(
            new Activity(
                null,
                "001SUB000000000YBA",
                "005BDR000000000YBA",
                ActivityKind.Email,
                SalesforceWorld.Now.AddHours(-1),
                "Follow-up"
            ),
            CancellationToken.None
        );
        Assert.StartsWith("00T", logged.Id, StringComparison.Ordinal);
        Assert.Equal(
            "Follow-up",
            Assert.Single(await crm.ListActivitiesAsync("001SUB000000000YBA", null, CancellationToken.None)).Subject
        );
    }

    [Fact]
    public async Task A_server_error_is_retried_then_reported_as_unavailable()
    {
        Fake.FailNext(
            10,
            Sdk.FakeKit.FakeResponse.Json(
                503,
                new[] { new { message = "Service Unavailable", errorCode = "SERVER_UNAVAILABLE" } }
            )
        );
        var crm = _world.Connector();
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            crm.GetAccountByIdAsync("001ACME00000000YDA", CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.VendorUnavailable, error.Kind);
        Assert.Equal(3, Fake.Requests.Count());
    }

    [Fact]
    public async Task Bad_input_sends_nothing()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world
                .Connector()
                .UpsertLeadAsync(
                    "k",
                    new LeadFields
                    {
                        Email = "",
                        LastName = "",
                        Company = "",
                    },
                    CancellationToken.None
                )
        );
        Assert.Equal(ConnectorErrorKind.InvalidArgument, error.Kind);
        Assert.Empty(Fake.Requests);
    }

    [Fact]
    public async Task One_token_serves_a_concurrent_burst()
    {
        var harness = _world.Harness();
        var crm = harness.Get<SalesforceConnector>();
        await Task.WhenAll(
            Enumerable.Range(0, 20).Select(_ => crm.GetAccountByIdAsync("001ACME00000000YDA", CancellationToken.None))
        );
        Assert.Equal(1, harness.Services.GetRequiredService<SalesforceSession>().TokenFetches);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
