using IntegrationHub.Connectors.Salesforce.Fake;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Errors;
using static IntegrationHub.Connectors.Salesforce.Tests.SalesforceRest;

namespace IntegrationHub.Connectors.Salesforce.Tests;

/// <summary>The fake org refuses what a real org refuses about fields, in Salesforce's own error shapes.</summary>
public sealed class SalesforceSchemaTests : IAsyncLifetime
{
    private readonly SalesforceWorld _world = new();
    private readonly SalesforceRest _rest;

    public SalesforceSchemaTests() => _rest = new SalesforceRest(_world.Fake);

    private SalesforceFake Fake => _world.Fake;

    [Theory]
    [InlineData("SELECT Id, Primary_Domian__c FROM Account")]
    [InlineData("SELECT Id FROM Account WHERE Primary_Domian__c = 'acme.com'")]
    [InlineData("SELECT Id FROM Account ORDER BY Primary_Domian__c")]
    [InlineData("SELECT Id FROM Contact WHERE Acount.Name = 'Acme Corp'")]
    [InlineData("SELECT Id, Account.Nmae FROM Contact")]
    public async Task A_misspelled_field_anywhere_in_soql_is_invalid_field_not_null_or_no_match(string soql)
    {
        var (status, body) = await _rest.QueryAsync(soql);

        Assert.Equal(400, status);
        Assert.Equal("INVALID_FIELD", ErrorCode(body));
    }

    [Fact]
    public async Task An_unknown_object_in_soql_is_invalid_type()
    {
        var (status, body) = await _rest.QueryAsync("SELECT Id FROM Acount");
        Assert.Equal(400, status);
        Assert.Equal("INVALID_TYPE", ErrorCode(body));
    }

    [Fact]
    public async Task Create_and_update_refuse_unknown_fields_and_store_nothing()
    {
        var created = await _rest.SendAsync(
            "POST",
            "sobjects/Lead",
            new Dictionary<string, object>
            {
                ["LastName"] = "Park",
                ["Company"] = "Newco",
                ["Lead_Scroe__c"] = 5,
            }
        );
        var updated = await _rest.SendAsync(
            "PATCH",
            "sobjects/Lead/00QJANE000000002DA",
            new Dictionary<string, object> { ["Titel"] = "CTO" }
        );

        Assert.Equal((400, "INVALID_FIELD"), (created.Status, ErrorCode(created.Body)));
        Assert.Equal((400, "INVALID_FIELD"), (updated.Status, ErrorCode(updated.Body)));
        Assert.Single(Fake.Records("Lead"));
        Assert.DoesNotContain("Titel", Fake.Records("Lead")[0].Keys);
    }

    [Fact]
    public async Task An_upsert_on_a_field_that_is_not_an_external_id_is_not_found_and_creates_nothing()
    {
        var (status, body) = await _rest.SendAsync(
            "PATCH",
            "sobjects/Lead/Email/nina@newco.io",
            new Dictionary<string, object> { ["LastName"] = "Park", ["Company"] = "Newco" }
        );

        Assert.Equal(404, status);
        Assert.Equal("NOT_FOUND", ErrorCode(body));
        Assert.Empty(Fake.LeadsWithEmail("nina@newco.io"));
    }

    [Fact]
    public async Task Is_converted_is_read_only_on_create_and_update()
    {
        var updated = await _rest.SendAsync(
            "PATCH",
            "sobjects/Lead/00QJANE000000002DA",
            new Dictionary<string, object> { ["IsConverted"] = true }
        );
        var created = await _rest.SendAsync(
            "POST",
            "sobjects/Lead",
            new Dictionary<string, object>
            {
                ["LastName"] = "Park",
                ["Company"] = "Newco",
                ["IsConverted"] = true,
            }
        );

        Assert.Equal((400, "INVALID_FIELD_FOR_INSERT_UPDATE"), (updated.Status, ErrorCode(updated.Body)));
        Assert.Equal("IsConverted", updated.Body![0]!["fields"]![0]!.GetValue<string>());
        Assert.Equal((400, "INVALID_FIELD_FOR_INSERT_UPDATE"), (created.Status, ErrorCode(created.Body)));
        Assert.Equal(
            LeadStatus.Mql,
            (await _world.Connector().FindPeopleAsync(new("jane@acme.com"), default))[0].Status
        );
    }

    [Theory]
    [InlineData("nina@newco")]
    [InlineData("nina newco.io")]
    [InlineData("nina@@newco.io")]
    public async Task A_malformed_email_is_invalid_email_address(string email)
    {
        var (status, body) = await _rest.SendAsync(
            "POST",
            "sobjects/Contact",
            new Dictionary<string, object> { ["LastName"] = "Park", ["Email"] = email }
        );

        Assert.Equal(400, status);
        Assert.Equal("INVALID_EMAIL_ADDRESS", ErrorCode(body));
        Assert.Equal("Email", body![0]!["fields"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task The_connector_refuses_an_email_salesforce_would_refuse_before_sending_anything()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world
                .Connector()
                .UpsertLeadAsync(
                    "hub-nina",
                    new LeadFields
                    {
                        Email = "nina@newco",
                        LastName = "Park",
                        Company = "Newco",
                    },
                    CancellationToken.None
                )
        );

        Assert.Equal(ConnectorErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("lead.email", Assert.Single(error.FieldViolations).Field);
        Assert.Empty(Fake.Requests);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _rest.Dispose();
        await _world.DisposeAsync();
    }
}
