using System.Text.Json.Nodes;
using IntegrationHub.Connectors.Salesforce.Fake;
using static IntegrationHub.Connectors.Salesforce.Tests.SalesforceRest;

namespace IntegrationHub.Connectors.Salesforce.Tests;

/// <summary>
/// What a real Salesforce client reads besides the connector's own queries: retrieve by id, LIMIT, IN, LIKE, and
/// relationship fields nested the way Salesforce nests them; syntax the fake does not know is MALFORMED_QUERY.
/// </summary>
public sealed class SalesforceQueryTests : IAsyncLifetime
{
    private readonly SalesforceWorld _world = new();
    private readonly SalesforceRest _rest;

    public SalesforceQueryTests() => _rest = new SalesforceRest(_world.Fake);

    private SalesforceFake Fake => _world.Fake;

    [Fact]
    public async Task A_record_is_retrieved_by_id_with_every_field_or_only_those_asked_for()
    {
        var (status, lead) = await _rest.SendAsync("GET", "sobjects/Lead/00QJANE000000002DA");
        var (_, narrow) = await _rest.SendAsync("GET", "sobjects/Lead/00QJANE000000002DA?fields=Email,Company");
        var (missing, error) = await _rest.SendAsync("GET", "sobjects/Lead/00QNOBODY0000002PA");

        Assert.Equal(200, status);
        Assert.Equal("Lead", lead!["attributes"]!["type"]!.GetValue<string>());
        Assert.Equal("jane@acme.com", lead["Email"]!.GetValue<string>());
        Assert.False(lead["IsConverted"]!.GetValue<bool>());
        Assert.True(lead.AsObject().ContainsKey("ConvertedContactId"));
        Assert.Equal(["attributes", "Email", "Company"], narrow!.AsObject().Select(p => p.Key));
        Assert.Equal((404, "NOT_FOUND"), (missing, ErrorCode(error)));
    }

    [Fact]
    public async Task Limit_in_and_like_narrow_the_records()
    {
        var limited = await Records("SELECT Id FROM Account ORDER BY Name LIMIT 2");
        var listed = await Records(
            "SELECT Id FROM Account WHERE Id IN ('001ACME00000000YDA', '001QUOTE0000000YHA') ORDER BY Id"
        );
        var excluded = await Records(
            "SELECT Id FROM Account WHERE Id NOT IN ('001ACME00000000YDA', '001QUOTE0000000YHA')"
        );
        var liked = await Records("SELECT Id FROM Account WHERE Name LIKE 'acme%' ORDER BY Id");

        Assert.Equal(["001ACME00000000YDA", "001SUB000000000YBA"], limited.Select(Id));
        Assert.Equal(["001ACME00000000YDA", "001QUOTE0000000YHA"], listed.Select(Id));
        Assert.Equal(["001SUB000000000YBA"], excluded.Select(Id));
        Assert.Equal(["001ACME00000000YDA", "001SUB000000000YBA"], liked.Select(Id));
    }

    [Fact]
    public async Task A_relationship_field_comes_back_nested_with_its_own_attributes_and_null_for_an_empty_lookup()
    {
        Fake.Insert(
            "Contact",
            new Dictionary<string, object?> { ["Id"] = "003LONE00000000YDA", ["LastName"] = "Lone" }
        );

        var records = await Records(
            "SELECT Id, Account.Name, Account.Owner.Email, Owner.Name FROM Contact WHERE Id IN "
                + "('003JOHN00000000YDA', '003LONE00000000YDA') "
                + "ORDER BY Id"
        );

        var john = records[0];
        Assert.False(john.AsObject().ContainsKey("Account.Name"));
        Assert.Equal("Account", john["Account"]!["attributes"]!["type"]!.GetValue<string>());
        Assert.Equal("Acme Corp", john["Account"]!["Name"]!.GetValue<string>());
        Assert.Equal("manny@hub.test", john["Account"]!["Owner"]!["Email"]!.GetValue<string>());
        Assert.Equal("Manny", john["Owner"]!["Name"]!.GetValue<string>());
        Assert.True(records[1].AsObject().ContainsKey("Account"));
        Assert.Null(records[1]["Account"]);
    }

    [Theory]
    [InlineData("SELECT COUNT() FROM Account")]
    [InlineData("SELECT Id FROM Account LIMIT 5 OFFSET 2")]
    [InlineData("SELECT Id, (SELECT Id FROM Contacts) FROM Account")]
    [InlineData("SELECT Id FROM Task WHERE CompletedDateTime = LAST_N_DAYS:30")]
    public async Task Syntax_the_fake_does_not_emulate_is_refused_as_malformed_query(string soql)
    {
        var (status, body) = await _rest.QueryAsync(soql);
        Assert.Equal((400, "MALFORMED_QUERY"), (status, ErrorCode(body)));
    }

    private async Task<List<JsonNode>> Records(string soql)
    {
        var (status, body) = await _rest.QueryAsync(soql);
        Assert.Equal(200, status);
        return [.. body!["records"]!.AsArray().Select(r => r!)];
    }

    private static string Id(JsonNode record) => record["Id"]!.GetValue<string>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _rest.Dispose();
        await _world.DisposeAsync();
    }
}
