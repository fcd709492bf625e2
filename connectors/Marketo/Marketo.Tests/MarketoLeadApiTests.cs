using System.Text.Json.Nodes;
using IntegrationHub.Connectors.Marketo.Fake;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Connectors.Marketo.Tests;

/// <summary>
/// The fake's Lead API is as strict as Marketo's: `fields` decides what comes back, only searchable fields filter,
/// and POST leads.json answers record by record.
/// </summary>
public sealed class MarketoLeadApiTests : IAsyncLifetime
{
    private const string JaneById = "rest/v1/leads.json?filterType=id&filterValues=7001";
    private readonly MarketoWorld _world = new();
    private MarketoRaw? _raw;

    private MarketoFake Fake => _world.Fake;

    private MarketoRaw Raw => _raw ??= new MarketoRaw(Fake);

    [Fact]
    public async Task Without_fields_only_the_default_set_comes_back_and_no_score()
    {
        var (_, body) = await Raw.GetAsync("rest/v1/leads.json?filterType=email&filterValues=jane@acme.com");

        var jane = Assert.IsType<JsonObject>(Assert.Single(body["result"]!.AsArray()));
        Assert.Equal(
            ["createdAt", "email", "firstName", "id", "lastName", "updatedAt"],
            jane.Select(p => p.Key).Order()
        );
        Assert.False(jane.ContainsKey("leadScore"));
    }

    [Fact]
    public async Task With_fields_exactly_those_and_the_id_come_back()
    {
        var (_, body) = await Raw.GetAsync(JaneById + "&fields=email,leadScore");

        var jane = Assert.IsType<JsonObject>(Assert.Single(body["result"]!.AsArray()));
        Assert.Equal(["email", "id", "leadScore"], jane.Select(p => p.Key).Order());
        Assert.Equal(130, jane["leadScore"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("&fields=email,leadScroe", "1006")]
    [InlineData("&filterType=firstName&filterValues=Jane", "1003")]
    [InlineData("&filterType=email&filterValues=", "701")]
    public async Task An_unknown_field_or_an_unsearchable_filter_is_refused_as_marketo_refuses_it(
        string query,
        string code
    )
    {
        var path = query.StartsWith("&filterType", StringComparison.Ordinal)
            ? "rest/v1/leads.json?" + query[1..]
            : JaneById + query;
        var (_, body) = await Raw.GetAsync(path);

        Assert.False(body["success"]!.GetValue<bool>());
        Assert.Equal(code, body["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_connector_reads_a_custom_score_field_it_is_configured_with()
    {
        Fake.SetLeadField("jane@acme.com", "behaviorScore", 77);

        var jane = await _world
            .Connector(s => s["LeadScoreField"] = "behaviorScore")
            .GetPersonEngagementAsync("jane@acme.com", CancellationToken.None);

        Assert.Equal(77, jane!.LeadScore);
    }

    [Fact]
    public async Task A_score_field_the_instance_does_not_have_is_refused_not_read_as_zero()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world
                .Connector(s => s["LeadScoreField"] = "behaviourScore")
                .GetPersonEngagementAsync("jane@acme.com", CancellationToken.None)
        );
        Assert.Equal("MARKETO_1006", error.Reason);
    }

    [Fact]
    public async Task Create_or_update_answers_each_record_in_input_order()
    {
        var (_, body) = await Raw.PostAsync(
            "rest/v1/leads.json",
            """
            {"action":"createOrUpdate","lookupField":"email","input":[
              {"email":"jane@acme.com","firstName":"Jane"},
              {"email":"new@acme.com","firstName":"Nova","leadScore":5},
              {"email":"odd@acme.com","favouriteColour":"teal"},
              {"firstName":"Nobody"}]}
            """
        );

        Assert.True(body["success"]!.GetValue<bool>());
        var result = body["result"]!.AsArray();
        Assert.Equal(
            ["updated", "created", "skipped", "skipped"],
            result.Select(r => r!["status"]!.GetValue<string>())
        );
        Assert.Equal(7001, result[0]!["id"]!.GetValue<int>());
        Assert.Equal("1006", result[2]!["reasons"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("1003", result[3]!["reasons"]![0]!["code"]!.GetValue<string>());

        var (_, created) = await Raw.GetAsync(
            "rest/v1/leads.json?filterType=email&filterValues=new@acme.com&fields=firstName,leadScore"
        );
        var nova = created["result"]![0]!;
        Assert.Equal(result[1]!["id"]!.GetValue<int>(), nova["id"]!.GetValue<int>());
        Assert.Equal("Nova", nova["firstName"]!.GetValue<string>());
        Assert.Equal(5, nova["leadScore"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("createOnly", "jane@acme.com", "1005")]
    [InlineData("updateOnly", "nobody@acme.com", "1004")]
    public async Task A_record_the_action_cannot_apply_to_is_skipped_with_its_reason(
        string action,
        string email,
        string reason
    )
    {
        var (_, body) = await Raw.PostAsync(
            "rest/v1/leads.json",
            $$"""{"action":"{{action}}","input":[{"email":"{{email}}","firstName":"X"}]}"""
        );

        Assert.True(body["success"]!.GetValue<bool>());
        var record = Assert.Single(body["result"]!.AsArray())!;
        Assert.Equal("skipped", record["status"]!.GetValue<string>());
        Assert.Equal(reason, record["reasons"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_write_without_a_json_body_is_refused_with_612()
    {
        var (_, body) = await Raw.PostAsync("rest/v1/leads.json", "email=jane@acme.com", "text/plain");
        Assert.Equal("612", body["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_long_query_can_go_in_a_form_body_with_method_get()
    {
        var (_, body) = await Raw.PostAsync(
            "rest/v1/leads.json?_method=GET",
            "filterType=email&filterValues=max%40acme.com&fields=leadScore",
            "application/x-www-form-urlencoded"
        );
        Assert.Equal(40, body["result"]![0]!["leadScore"]!.GetValue<int>());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _raw?.Dispose();
        await _world.DisposeAsync();
    }
}
