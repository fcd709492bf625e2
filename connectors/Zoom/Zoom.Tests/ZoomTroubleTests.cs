using System.Globalization;
using System.Net;
using IntegrationHub.Connectors.Zoom.Fake;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Connectors.Zoom.Tests;

/// <summary>An outage and throttling as Zoom answers them, and what the connector makes of each.</summary>
public sealed class ZoomTroubleTests : IAsyncLifetime
{
    private readonly ZoomWorld _world = new();
    private ZoomRaw? _raw;

    private ZoomFake Fake => _world.Fake;

    private ZoomRaw Raw => _raw ??= new ZoomRaw(Fake);

    [Fact]
    public async Task An_outage_is_zooms_code_and_message_with_503_and_the_connector_reports_unavailable()
    {
        var connector = _world.Connector();
        var start = Fake.Time.GetUtcNow().AddDays(2);
        Fake.AddMeeting(ZoomWorld.Rep, "One", start, 30);
        Fake.AddMeeting(ZoomWorld.Rep, "Two", start.AddHours(1), 30);
        var ids = Fake.Meetings(ZoomWorld.Rep).Select(m => m.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        await connector.CancelMeetingAsync(ids[0], CancellationToken.None);
        using var warm = await Raw.SendAsync(HttpMethod.Get, $"v2/users/{ZoomWorld.Rep}/meetings");
        Fake.GoDown();

        using var raw = await Raw.SendAsync(HttpMethod.Get, $"v2/users/{ZoomWorld.Rep}/meetings");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, raw.StatusCode);
        Assert.Equal(503, (await ZoomRaw.BodyAsync(raw))["code"]!.GetValue<int>());

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            connector.CancelMeetingAsync(ids[1], CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.VendorUnavailable, error.Kind);
        Assert.Equal("ZOOM_503", error.Reason);
    }

    [Fact]
    public async Task Throttling_is_a_qps_429_with_an_iso_retry_after_and_the_connector_reports_when_to_retry()
    {
        Fake.RequestsPerSecond = 0;

        using var raw = await Raw.SendAsync(HttpMethod.Get, $"v2/users/{ZoomWorld.Rep}/meetings");
        Assert.Equal(HttpStatusCode.TooManyRequests, raw.StatusCode);
        Assert.Equal(429, (await ZoomRaw.BodyAsync(raw))["code"]!.GetValue<int>());
        Assert.Equal("QPS", raw.Headers.GetValues("X-RateLimit-Type").Single());
        Assert.Equal("0", raw.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.True(
            DateTimeOffset.TryParseExact(
                raw.Headers.NonValidated["Retry-After"].ToString(),
                "yyyy-MM-dd'T'HH:mm:ss'Z'",
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal,
                out _
            )
        );

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world
                .Connector(s => s["Resilience:MaxRetryAttempts"] = "0")
                .CancelMeetingAsync("92674392999", CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.RateLimited, error.Kind);
        Assert.Equal("ZOOM_429", error.Reason);
        Assert.InRange(error.RetryAfter!.Value, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(2));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _raw?.Dispose();
        await _world.DisposeAsync();
    }
}
