using IntegrationHub.Connectors.Salesforce.Fake;
using IntegrationHub.Sdk.Capabilities.Crm;
using static IntegrationHub.Connectors.Salesforce.Tests.SalesforceRest;

namespace IntegrationHub.Connectors.Salesforce.Tests;

/// <summary>
/// Lead conversion as Salesforce offers it: the SOAP convertLead() call. IsConverted becomes true only through it;
/// it merges into the given account and contact and refuses a lead converted already.
/// </summary>
public sealed class SalesforceConversionTests : IAsyncLifetime
{
    private const string SoapPath = "/services/Soap/u/60.0";
    private readonly SalesforceWorld _world = new();
    private readonly SalesforceRest _rest;

    public SalesforceConversionTests() => _rest = new SalesforceRest(_world.Fake);

    private SalesforceFake Fake => _world.Fake;

    private IReadOnlyDictionary<string, object?> Jane =>
        Fake.Records("Lead").Single(r => (string?)r["Id"] == "00QJANE000000002DA");

    [Fact]
    public async Task The_connector_converts_through_convert_lead_not_a_status_patch()
    {
        var contact = await _world
            .Connector()
            .ConvertLeadAsync("00QJANE000000002DA", "001ACME00000000YDA", CancellationToken.None);

        Assert.Equal(1, Fake.CountRequests("POST", SoapPath));
        Assert.Equal(0, Fake.CountRequests("PATCH", "/services/data/v60.0/sobjects/Lead"));
        Assert.True(Jane["IsConverted"] is true);
        Assert.Equal("Converted", Jane["Status"]);
        Assert.Equal(contact.Id, Jane["ConvertedContactId"]);
        Assert.Equal("001ACME00000000YDA", Jane["ConvertedAccountId"]);
        Assert.Equal(("jane@acme.com", "001ACME00000000YDA"), (contact.Email, contact.AccountId));
        Assert.Empty(Fake.Records("Opportunity"));
    }

    [Fact]
    public async Task A_contact_with_the_leads_email_on_the_account_is_merged_into_not_duplicated()
    {
        var existing = Fake.Insert(
            "Contact",
            new Dictionary<string, object?>
            {
                ["LastName"] = "Doe",
                ["Email"] = "jane@acme.com",
                ["AccountId"] = "001ACME00000000YDA",
            }
        );

        var contact = await _world
            .Connector()
            .ConvertLeadAsync("00QJANE000000002DA", "001ACME00000000YDA", CancellationToken.None);

        Assert.Equal(existing, contact.Id);
        Assert.Equal("Jane", contact.FirstName);
        Assert.Single(Fake.Records("Contact"), c => (string?)c["Email"] == "jane@acme.com");
        Assert.Equal(existing, Jane["ConvertedContactId"]);
    }

    [Fact]
    public async Task A_session_expired_before_the_soap_call_is_renewed_once()
    {
        var crm = _world.Connector();
        await crm.GetAccountByIdAsync("001ACME00000000YDA", CancellationToken.None);
        Fake.ExpireSessions();

        await crm.ConvertLeadAsync("00QJANE000000002DA", "001ACME00000000YDA", CancellationToken.None);

        Assert.Equal(2, Fake.TokensIssued);
        Assert.True(Jane["IsConverted"] is true);
    }

    [Fact]
    public async Task A_status_patch_to_a_converted_status_is_refused_and_converts_nothing()
    {
        var (status, body) = await _rest.SendAsync(
            "PATCH",
            "sobjects/Lead/00QJANE000000002DA",
            new Dictionary<string, object> { ["Status"] = "Converted" }
        );

        Assert.Equal((400, "FIELD_INTEGRITY_EXCEPTION"), (status, ErrorCode(body)));
        Assert.False(Jane.GetValueOrDefault("IsConverted") is true);
    }

    [Fact]
    public async Task Without_an_account_a_new_one_and_an_opportunity_are_made_and_a_second_conversion_is_refused()
    {
        const string call =
            "<urn:convertLead><urn:leadConverts><urn:convertedStatus>Converted</urn:convertedStatus>"
            + "<urn:leadId>00QJANE000000002DA</urn:leadId></urn:leadConverts></urn:convertLead>";

        var (firstStatus, first) = await _rest.SoapAsync(call);
        var (_, second) = await _rest.SoapAsync(call);

        Assert.Equal((200, "true"), (firstStatus, Xml(first, "success")));
        var account = Xml(first, "accountId");
        Assert.NotEqual("001ACME00000000YDA", account);
        Assert.Equal("Acme Corp", Fake.Records("Account").Single(a => (string?)a["Id"] == account)["Name"]);
        Assert.Equal(Xml(first, "opportunityId"), Assert.Single(Fake.Records("Opportunity"))["Id"]);
        Assert.Equal("false", Xml(second, "success"));
        Assert.Equal("CANNOT_UPDATE_CONVERTED_LEAD", Xml(second, "statusCode"));
        Assert.Equal(2, Fake.Records("Contact").Count);
    }

    [Fact]
    public async Task A_status_that_is_not_a_converted_status_is_refused()
    {
        var (_, answer) = await _rest.SoapAsync(
            "<urn:convertLead><urn:leadConverts><urn:accountId>001ACME00000000YDA</urn:accountId>"
                + "<urn:convertedStatus>MQL</urn:convertedStatus><urn:leadId>00QJANE000000002DA</urn:leadId>"
                + "</urn:leadConverts></urn:convertLead>"
        );

        Assert.Equal(("false", "INVALID_STATUS"), (Xml(answer, "success"), Xml(answer, "statusCode")));
        Assert.Equal(
            LeadStatus.Mql,
            (await _world.Connector().FindPeopleAsync(new("jane@acme.com"), default))[0].Status
        );
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _rest.Dispose();
        await _world.DisposeAsync();
    }
}
