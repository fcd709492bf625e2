using System.Net;
using System.Text.Json.Nodes;
using IntegrationHub.Connectors.SixSense.Fake;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Connectors.SixSense.Tests;

/// <summary>An outage and throttling as 6sense answers them, and what the connector makes of each.</summary>
public sealed class SixSenseOutageShapeTests : IAsyncLifetime
{
    private readonly SixSenseWorld _world = new();
    private readonly HttpClient _http = new();

    private SixSenseFake Fake => _world.Fake;

    [Fact]
    public async Task An_outage_is_6senses_error_body_with_503_and_the_connector_reports_unavailable()
    {
        Fake.GoDown();

        using var raw = await SendRawAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, raw.StatusCode);
        var body = JsonNode.Parse(await raw.Content.ReadAsStringAsync())!;
        Assert.Equal("error", body["status"]?.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["message"]?.GetValue<string>()));

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world.Connector().IdentifyCompanyAsync(SixSenseWorld.AcmeIp, CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.VendorUnavailable, error.Kind);
        Assert.Equal("SIXSENSE_UNAVAILABLE", error.Reason);
    }

    [Fact]
    public async Task Throttling_is_a_bare_429_and_the_connector_waits_a_minute_as_6sense_counts()
    {
        Fake.CallsPerMinute = 0;

        using var raw = await SendRawAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, raw.StatusCode);
        Assert.Null(raw.Headers.RetryAfter);
        Assert.DoesNotContain(raw.Headers, h => h.Key.StartsWith("X-RateLimit", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("error", JsonNode.Parse(await raw.Content.ReadAsStringAsync())!["status"]?.GetValue<string>());

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world
                .Connector(tune: s => s["Resilience:MaxRetryAttempts"] = "0")
                .IdentifyCompanyAsync(SixSenseWorld.AcmeIp, CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromMinutes(1), error.RetryAfter);
    }

    private Task<HttpResponseMessage> SendRawAsync()
    {
        var request = new HttpRequestMessage(
            HttpMethod.Get,
            new Uri(Fake.BaseUrl, "v3/company/details?ip=" + SixSenseWorld.AcmeIp)
        );
        request.Headers.TryAddWithoutValidation("Authorization", "Token " + SixSenseFake.ValidToken);
        return _http.SendAsync(request);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _world.DisposeAsync();
    }
}
