using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using IntegrationHub.Connectors.Outreach.Fake;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Connectors.Outreach.Tests;

/// <summary>An outage and throttling as Outreach answers them, and what the connector makes of each.</summary>
public sealed class OutreachTroubleTests : IAsyncLifetime
{
    private readonly OutreachWorld _world = new();
    private OutreachRaw? _raw;

    private OutreachFake Fake => _world.Fake;

    private OutreachRaw Raw => _raw ??= new OutreachRaw(Fake);

    [Fact]
    public async Task An_outage_is_a_json_api_error_with_503_and_the_connector_reports_unavailable()
    {
        var connector = _world.Connector();
        await connector.GetProspectByEmailAsync("jane@acme.com", CancellationToken.None);
        using var warm = await Raw.GetAsync("prospects?filter[emails]=jane@acme.com");
        Fake.GoDown();

        using var raw = await Raw.GetAsync("prospects?filter[emails]=jane@acme.com");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, raw.StatusCode);
        Assert.Equal("application/vnd.api+json", raw.Content.Headers.ContentType?.MediaType);
        var error = JsonNode.Parse(await raw.Content.ReadAsStringAsync())!["errors"]![0]!;
        Assert.Equal("serviceUnavailable", error["id"]!.GetValue<string>());

        var reported = await Assert.ThrowsAsync<ConnectorException>(() =>
            connector.GetProspectByEmailAsync("jane@acme.com", CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.VendorUnavailable, reported.Kind);
        Assert.Equal("serviceUnavailable", reported.Reason);
    }

    [Fact]
    public async Task Throttling_says_when_the_hour_resets_in_headers_and_text_never_in_retry_after()
    {
        var connector = _world.Connector(s => s["Resilience:MaxRetryAttempts"] = "0");
        await connector.GetProspectByEmailAsync("jane@acme.com", CancellationToken.None);
        using var warm = await Raw.GetAsync("prospects?filter[emails]=jane@acme.com");
        Fake.HourlyLimit = 0;

        using var raw = await Raw.GetAsync("prospects?filter[emails]=jane@acme.com");
        Assert.Equal(HttpStatusCode.TooManyRequests, raw.StatusCode);
        Assert.Null(raw.Headers.RetryAfter);
        Assert.Equal("0", raw.Headers.GetValues("X-RateLimit-Remaining").Single());
        var reset = DateTimeOffset.FromUnixTimeSeconds(
            long.Parse(raw.Headers.GetValues("X-RateLimit-Reset").Single(), CultureInfo.InvariantCulture)
        );
        var error = JsonNode.Parse(await raw.Content.ReadAsStringAsync())!["errors"]![0]!;
        Assert.Equal("rateLimitExceeded", error["id"]!.GetValue<string>());
        Assert.EndsWith(
            $"please try again at {reset.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss}.",
            error["detail"]!.GetValue<string>(),
            StringComparison.Ordinal
        );

        var reported = await Assert.ThrowsAsync<ConnectorException>(() =>
            connector.GetProspectByEmailAsync("jane@acme.com", CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.RateLimited, reported.Kind);
        var expected = reset - Fake.Time.GetUtcNow();
        // The connector counts in whole seconds, as the header does.
        Assert.InRange(
            reported.RetryAfter!.Value,
            expected - TimeSpan.FromSeconds(5),
            expected + TimeSpan.FromSeconds(1)
        );
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _raw?.Dispose();
        await _world.DisposeAsync();
    }
}
