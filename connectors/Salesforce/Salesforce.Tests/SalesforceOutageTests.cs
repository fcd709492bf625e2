using System.Text.Json.Nodes;
using IntegrationHub.Connectors.Salesforce.Fake;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Connectors.Salesforce.Tests;

/// <summary>
/// The fake's outage and throttling answers are Salesforce's own, and the connector reads them as such.
/// </summary>
public sealed class SalesforceOutageTests : IAsyncLifetime
{
    private readonly SalesforceWorld _world = new();

    private SalesforceFake Fake => _world.Fake;

    [Fact]
    public async Task An_outage_is_unavailable_with_salesforces_error_code_and_ends_when_the_org_is_back()
    {
        var crm = _world.Connector();
        await crm.GetAccountByIdAsync("001ACME00000000YDA", CancellationToken.None);
        Fake.GoDown();

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            crm.GetAccountByIdAsync("001ACME00000000YDA", CancellationToken.None)
        );

        Assert.Equal(ConnectorErrorKind.VendorUnavailable, error.Kind);
        Assert.Equal("SERVER_UNAVAILABLE", error.Reason);
        var answer = Fake.Requests.Last().ResponseMessage!;
        Assert.Equal(503, answer.StatusCode);
        var body = Assert.IsType<JsonArray>(JsonNode.Parse(answer.BodyData!.BodyAsString!));
        Assert.Equal("SERVER_UNAVAILABLE", body[0]!["errorCode"]!.GetValue<string>());

        Fake.ComeBack();
        Assert.Equal("Acme Corp", (await crm.GetAccountByIdAsync("001ACME00000000YDA", CancellationToken.None))?.Name);
    }

    [Fact]
    public async Task Throttling_is_salesforces_403_request_limit_without_retry_after_reported_at_once()
    {
        var crm = _world.Connector();
        await crm.GetAccountByIdAsync("001ACME00000000YDA", CancellationToken.None);
        Fake.ResetLog();
        Fake.ThrottleNext(5, TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            crm.GetAccountByIdAsync("001ACME00000000YDA", CancellationToken.None)
        );

        Assert.Equal(ConnectorErrorKind.QuotaExhausted, error.Kind);
        Assert.Equal("REQUEST_LIMIT_EXCEEDED", error.Reason);
        var answer = Assert.Single(Fake.Requests).ResponseMessage!;
        Assert.Equal(403, answer.StatusCode);
        Assert.False(answer.Headers!.ContainsKey("Retry-After"));
        Assert.Equal("api-usage=100000/100000", answer.Headers["Sforce-Limit-Info"].Single());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
