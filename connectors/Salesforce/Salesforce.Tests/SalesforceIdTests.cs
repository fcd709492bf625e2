using System.Text.Json.Nodes;
using IntegrationHub.Connectors.Salesforce.Fake;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Errors;
using static IntegrationHub.Connectors.Salesforce.Tests.SalesforceRest;

namespace IntegrationHub.Connectors.Salesforce.Tests;

/// <summary>
/// Record ids as Salesforce issues them: a key prefix per object, 15 case-sensitive characters or 18 with the
/// case-safe suffix; both forms accepted wherever an id is, the 18 returned, malformed ones refused in Salesforce's
/// words; and the connector forwards none that Salesforce could not have issued.
/// </summary>
public sealed class SalesforceIdTests : IAsyncLifetime
{
    private const string Acme18 = "001ACME00000000YDA";
    private const string Acme15 = "001ACME00000000";
    private readonly SalesforceWorld _world = new();
    private readonly SalesforceRest _rest;

    public SalesforceIdTests() => _rest = new SalesforceRest(_world.Fake);

    private SalesforceFake Fake => _world.Fake;

    [Theory]
    [InlineData("Account", "001")]
    [InlineData("Contact", "003")]
    [InlineData("User", "005")]
    [InlineData("Lead", "00Q")]
    [InlineData("Task", "00T")]
    public async Task Every_id_comes_back_in_the_18_character_form_with_its_objects_key_prefix(string type, string key)
    {
        var (status, body) = await _rest.QueryAsync($"SELECT Id FROM {type}");

        Assert.Equal(200, status);
        var ids = body!["records"]!.AsArray().Select(r => r!["Id"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id =>
        {
            Assert.Equal(18, id.Length);
            Assert.StartsWith(key, id, StringComparison.Ordinal);
            Assert.Equal(CaseSafeId.Suffix(id[..15]), id[15..]);
        });
    }

    [Fact]
    public async Task A_record_added_with_a_15_character_id_is_returned_with_its_suffix()
    {
        Fake.Insert("Account", new Dictionary<string, object?> { ["Id"] = "001xYz000000001", ["Name"] = "Lower" });

        var (_, body) = await _rest.SendAsync("GET", "sobjects/Account/001xYz000000001?fields=Id,Name");

        Assert.Equal("001xYz000000001" + CaseSafeId.Suffix("001xYz000000001"), body!["Id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_created_id_is_a_valid_18_character_id_sharing_no_15_characters_with_a_seeded_one()
    {
        var (status, body) = await _rest.SendAsync(
            "POST",
            "sobjects/Lead",
            new { LastName = "New", Company = "Newco" }
        );

        Assert.Equal(201, status);
        var id = body!["id"]!.GetValue<string>();
        Assert.True(CaseSafeId.IsWellFormed(id) && id.Length == 18, id);
        Assert.StartsWith("00Q", id, StringComparison.Ordinal);
        var others = Fake.Records("Lead").Select(r => (string)r["Id"]!).Where(o => o != id).ToList();
        Assert.NotEmpty(others);
        Assert.DoesNotContain(others, o => string.Equals(o[..15], id[..15], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Acme15)]
    [InlineData(Acme18)]
    [InlineData("001ACME00000000yda")]
    public async Task Retrieve_update_and_soql_accept_either_form(string id)
    {
        var (getStatus, got) = await _rest.SendAsync("GET", $"sobjects/Account/{id}?fields=Id");
        var (patchStatus, _) = await _rest.SendAsync("PATCH", $"sobjects/Account/{id}", new { Industry = "Tools" });
        var (_, equal) = await _rest.QueryAsync($"SELECT Id, Industry FROM Account WHERE Id = '{id}'");
        var (_, within) = await _rest.QueryAsync($"SELECT Id FROM Account WHERE Id IN ('{id}', '{Acme15}')");
        var (_, byReference) = await _rest.QueryAsync($"SELECT Id FROM Account WHERE Ultimate_Parent__c = '{id}'");

        Assert.Equal((200, Acme18), (getStatus, got!["Id"]!.GetValue<string>()));
        Assert.Equal(204, patchStatus);
        Assert.Equal("Tools", equal!["records"]![0]!["Industry"]!.GetValue<string>());
        Assert.Equal(1, within!["totalSize"]!.GetValue<int>());
        Assert.Contains(byReference!["records"]!.AsArray(), r => r!["Id"]!.GetValue<string>() == Acme18);
    }

    [Fact]
    public async Task A_reference_field_written_with_15_characters_is_stored_and_returned_with_18()
    {
        var owner15 = Fake.Records("User")[0]["Id"]!.ToString()![..15];

        var (status, _) = await _rest.SendAsync("PATCH", $"sobjects/Account/{Acme18}", new { OwnerId = owner15 });
        var (_, body) = await _rest.SendAsync("GET", $"sobjects/Account/{Acme18}?fields=OwnerId");

        Assert.Equal(204, status);
        Assert.Equal(owner15 + CaseSafeId.Suffix(owner15), body!["OwnerId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("001ACME")]
    [InlineData("001ACME00000000XXX")]
    [InlineData("001ACME00000000YDA1")]
    public async Task A_malformed_id_is_refused_as_salesforce_refuses_it(string id)
    {
        var (getStatus, got) = await _rest.SendAsync("GET", $"sobjects/Account/{id}");
        var (patchStatus, patched) = await _rest.SendAsync("PATCH", $"sobjects/Account/{id}", new { Industry = "X" });
        var (queryStatus, queried) = await _rest.QueryAsync($"SELECT Id FROM Account WHERE Id = '{id}'");
        var (inStatus, within) = await _rest.QueryAsync($"SELECT Id FROM Account WHERE Id IN ('{Acme18}', '{id}')");
        var (refStatus, referenced) = await _rest.SendAsync(
            "PATCH",
            $"sobjects/Account/{Acme18}",
            new { ParentId = id }
        );

        Assert.Equal((404, "NOT_FOUND"), (getStatus, ErrorCode(got)));
        Assert.Equal((404, "NOT_FOUND"), (patchStatus, ErrorCode(patched)));
        Assert.Equal((400, "INVALID_QUERY_FILTER_OPERATOR"), (queryStatus, ErrorCode(queried)));
        Assert.Equal((400, "INVALID_QUERY_FILTER_OPERATOR"), (inStatus, ErrorCode(within)));
        Assert.Equal((400, "MALFORMED_ID"), (refStatus, ErrorCode(referenced)));
        Assert.Equal("ParentId", referenced![0]!["fields"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_well_formed_reference_to_no_record_of_the_lookups_object_is_an_invalid_cross_reference()
    {
        var (unknown, unknownBody) = await _rest.SendAsync(
            "PATCH",
            $"sobjects/Account/{Acme18}",
            new { OwnerId = "005000000NOBODY" }
        );
        var (wrongObject, wrongBody) = await _rest.SendAsync(
            "PATCH",
            $"sobjects/Account/{Acme18}",
            new { ParentId = "00QJANE000000002DA" }
        );

        Assert.Equal((400, "INVALID_CROSS_REFERENCE_KEY"), (unknown, ErrorCode(unknownBody)));
        Assert.Equal((400, "INVALID_CROSS_REFERENCE_KEY"), (wrongObject, ErrorCode(wrongBody)));
    }

    [Fact]
    public async Task Convert_lead_takes_15_characters_answers_with_18_and_refuses_a_malformed_id()
    {
        var (_, converted) = await _rest.SoapAsync(
            "<urn:convertLead><urn:leadConverts><urn:accountId>"
                + Acme15
                + "</urn:accountId><urn:convertedStatus>Converted</urn:convertedStatus><urn:leadId>00QJANE00000000"
                + "</urn:leadId></urn:leadConverts></urn:convertLead>"
        );
        var (_, malformed) = await _rest.SoapAsync(
            "<urn:convertLead><urn:leadConverts><urn:convertedStatus>Converted</urn:convertedStatus>"
                + "<urn:leadId>00QJANE</urn:leadId></urn:leadConverts></urn:convertLead>"
        );

        Assert.Equal("true", Xml(converted, "success"));
        Assert.Equal(("00QJANE000000002DA", Acme18), (Xml(converted, "leadId"), Xml(converted, "accountId")));
        Assert.Equal(("false", "MALFORMED_ID"), (Xml(malformed, "success"), Xml(malformed, "statusCode")));
    }

    [Fact]
    public async Task The_connector_refuses_ids_salesforce_could_not_have_issued_and_sends_nothing()
    {
        var crm = _world.Connector();
        var attempts = new Func<Task>[]
        {
            () => crm.GetAccountByIdAsync("001ACME", default),
            () => crm.GetAccountByIdAsync("001ACME00000000XXX", default),
            () => crm.ListAccountHierarchyAsync("001ACME00000000YDA1", default),
            () => crm.FindPeopleAsync(new PeopleQuery(AccountId: "001-ACME-0000000"), default),
            () => crm.ChangeOwnerAsync("00QJANE000000002DA", "005MGR", default),
            () => crm.ConvertLeadAsync("00QJANE000000002DX", Acme18, default),
            () => crm.GetUserAsync("005MGR01000000", default),
            () => crm.ListActivitiesAsync("001ACME00000000ydb", null, default),
            () =>
                crm.UpsertLeadAsync(
                    "k",
                    new LeadFields
                    {
                        Email = "a@b.com",
                        LastName = "A",
                        Company = "B",
                        OwnerUserId = "005MGR",
                    },
                    default
                ),
        };

        foreach (var attempt in attempts)
        {
            var error = await Assert.ThrowsAsync<ConnectorException>(attempt);
            Assert.Equal(ConnectorErrorKind.InvalidArgument, error.Kind);
            Assert.Single(error.FieldViolations);
        }

        Assert.Empty(Fake.Requests);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _rest.Dispose();
        await _world.DisposeAsync();
    }
}
