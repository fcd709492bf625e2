using System.Net;
using IntegrationHub.Connectors.Marketo.Fake;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Connectors.Marketo.Tests;

/// <summary>
/// An outage, throttling and Marketo's 604/608/611 as Marketo sends them (HTTP 200, success:false, a quoted code,
/// no retry signal), and what the connector makes of each.
/// </summary>
public sealed class MarketoTroubleTests : IAsyncLifetime
{
    private readonly MarketoWorld _world = new();
    private MarketoRaw? _raw;

    private MarketoFake Fake => _world.Fake;

    private MarketoRaw Raw => _raw ??= new MarketoRaw(Fake);

    [Fact]
    public async Task An_outage_is_608_inside_http_200_retried_then_reported_unavailable()
    {
        var connector = _world.Connector();
        await connector.GetPersonEngagementAsync("jane@acme.com", CancellationToken.None);
        await Raw.GetAsync("rest/v1/leads.json?filterType=email&filterValues=jane@acme.com");
        Fake.GoDown();
        Fake.ResetLog();

        var (response, body) = await Raw.GetAsync("rest/v1/leads.json?filterType=email&filterValues=jane@acme.com");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body["success"]!.GetValue<bool>());
        Assert.Equal("608", body["errors"]![0]!["code"]!.GetValue<string>());

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            connector.GetPersonEngagementAsync("jane@acme.com", CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.VendorUnavailable, error.Kind);
        Assert.Equal("MARKETO_608", error.Reason);
        Assert.Equal(1 + 3, Fake.CountRequests("GET", "/rest/v1/leads.json"));
    }

    [Theory]
    [InlineData(MarketoTrouble.Timeout, "604")]
    [InlineData(MarketoTrouble.TemporarilyUnavailable, "608")]
    [InlineData(MarketoTrouble.SystemError, "611")]
    public async Task Trouble_that_persists_is_retried_then_unavailable(MarketoTrouble trouble, string code)
    {
        var connector = _world.Connector();
        await connector.GetPersonEngagementAsync("jane@acme.com", CancellationToken.None);
        Fake.ResetLog();
        Fake.Trouble(trouble, count: 3);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            connector.GetPersonEngagementAsync("jane@acme.com", CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.VendorUnavailable, error.Kind);
        Assert.Equal("MARKETO_" + code, error.Reason);
        Assert.Equal(3, Fake.CountRequests("GET", "/rest/v1/leads.json"));
    }

    [Theory]
    [InlineData(MarketoTrouble.Timeout, "604")]
    [InlineData(MarketoTrouble.TemporarilyUnavailable, "608")]
    [InlineData(MarketoTrouble.SystemError, "611")]
    public async Task Trouble_that_clears_is_invisible_and_came_as_marketo_sends_it(MarketoTrouble trouble, string code)
    {
        Fake.Trouble(trouble);
        var (response, body) = await Raw.GetAsync("rest/v1/leads.json?filterType=email&filterValues=max@acme.com");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(code, body["errors"]![0]!["code"]!.GetValue<string>());

        Fake.Trouble(trouble);
        var max = await _world.Connector().GetPersonEngagementAsync("max@acme.com", CancellationToken.None);
        Assert.Equal(40, max!.LeadScore);
    }

    [Fact]
    public async Task Throttling_is_606_inside_http_200_with_no_retry_signal_and_is_rate_limited()
    {
        var connector = _world.Connector(s => s["Resilience:MaxRetryAttempts"] = "0");
        await Raw.GetAsync("rest/v1/leads.json?filterType=email&filterValues=max@acme.com");
        Fake.CallsPer20Seconds = 1;

        var (response, body) = await Raw.GetAsync("rest/v1/leads.json?filterType=email&filterValues=max@acme.com");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("606", body["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Null(response.Headers.RetryAfter);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            connector.GetPersonEngagementAsync("max@acme.com", CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.RateLimited, error.Kind);
        Assert.Equal("MARKETO_606", error.Reason);
        Assert.Null(error.RetryAfter);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _raw?.Dispose();
        await _world.DisposeAsync();
    }
}
