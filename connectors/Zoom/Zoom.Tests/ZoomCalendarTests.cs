using System.Net;
using System.Text.Json.Nodes;
using IntegrationHub.Connectors.Zoom.Fake;
using IntegrationHub.Sdk.Capabilities.Meetings;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Connectors.Zoom.Tests;

/// <summary>
/// Calendar events (out of office, holidays) read by the connector from the fake's Zoom Calendar listing: every page,
/// every calendar asked, the token renewed once, Zoom's refusals mapped, and bad input refused before any call.
/// </summary>
public sealed class ZoomCalendarTests : IAsyncLifetime
{
    private readonly ZoomWorld _world = new();

    private ZoomFake Fake => _world.Fake;

    private DateTimeOffset Now => Fake.Time.GetUtcNow();

    [Fact]
    public async Task Out_of_office_holidays_and_meetings_of_every_calendar_are_read_across_pages()
    {
        Fake.CalendarPageSize = 2;
        var now = Now;
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        Fake.AddCalendarEvent(ZoomWorld.Rep, "outOfOffice", "Vacation", now.AddDays(-1), now.AddDays(2));
        Fake.AddAllDayEvent(ZoomWorld.Rep, "holiday", "Republic Day", today, today);
        Fake.AddCalendarEvent(ZoomWorld.Rep, "focusTime", "Deep work", Now.AddHours(1), Now.AddHours(2));
        Fake.AddMeeting(ZoomWorld.BusyRep, "Customer call", Now.AddHours(3), 30);
        Fake.AddCalendarEvent(ZoomWorld.BusyRep, "outOfOffice", "Next month", Now.AddDays(40), Now.AddDays(41));

        var events = await _world
            .Connector()
            .ListCalendarEventsAsync(
                new CalendarEventQuery([ZoomWorld.Rep, ZoomWorld.BusyRep], Now, Now.AddDays(1)),
                CancellationToken.None
            );

        var mine = events.Where(e => e.CalendarUserId == ZoomWorld.Rep).ToList();
        Assert.Equal(
            [CalendarEventKind.OutOfOffice, CalendarEventKind.Holiday, CalendarEventKind.FocusTime],
            mine.OrderBy(e => e.Start).Select(e => e.Kind)
        );
        var vacation = Assert.Single(mine, e => e.Kind == CalendarEventKind.OutOfOffice);
        Assert.Equal(
            ("Vacation", now.AddDays(2).ToUnixTimeSeconds()),
            (vacation.Title, vacation.End.ToUnixTimeSeconds())
        );
        var holiday = Assert.Single(mine, e => e.Kind == CalendarEventKind.Holiday);
        Assert.Equal(TimeSpan.FromDays(1), holiday.End - holiday.Start);
        Assert.Equal(CalendarEventKind.Busy, Assert.Single(events, e => e.CalendarUserId == ZoomWorld.BusyRep).Kind);
        Assert.True(Fake.CountRequests("GET", "/v2/calendars/") >= 3, "the three events of one calendar span pages");
    }

    [Fact]
    public async Task An_invalid_token_124_is_replaced_once_and_the_listing_repeated()
    {
        var connector = _world.Connector();
        var query = new CalendarEventQuery([ZoomWorld.Rep], Now, Now.AddHours(1));
        await connector.ListCalendarEventsAsync(query, CancellationToken.None);
        Fake.ExpireTokens();

        Assert.Empty(await connector.ListCalendarEventsAsync(query, CancellationToken.None));

        Assert.Equal(2, Fake.TokensIssued);
    }

    [Fact]
    public async Task An_unknown_calendar_is_not_found_and_an_outage_unavailable()
    {
        var connector = _world.Connector(s => s["Resilience:MaxRetryAttempts"] = "0");

        var unknown = await Assert.ThrowsAsync<ConnectorException>(() =>
            connector.ListCalendarEventsAsync(
                new CalendarEventQuery([ZoomWorld.Rep, "nobody@hub.test"], Now, Now.AddHours(1)),
                CancellationToken.None
            )
        );
        Fake.GoDown();
        var down = await Assert.ThrowsAsync<ConnectorException>(() =>
            connector.ListCalendarEventsAsync(
                new CalendarEventQuery([ZoomWorld.Rep], Now, Now.AddHours(1)),
                CancellationToken.None
            )
        );

        Assert.Equal((ConnectorErrorKind.NotFound, "ZOOM_1001"), (unknown.Kind, unknown.Reason));
        Assert.Equal(ConnectorErrorKind.VendorUnavailable, down.Kind);
    }

    [Fact]
    public async Task A_bad_calendar_id_or_window_is_refused_naming_the_field_before_anything_is_sent()
    {
        var invalid = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world
                .Connector()
                .ListCalendarEventsAsync(
                    new CalendarEventQuery([ZoomWorld.Rep, "../users/me"], Now, Now.AddDays(-1)),
                    CancellationToken.None
                )
        );

        Assert.Equal(ConnectorErrorKind.InvalidArgument, invalid.Kind);
        Assert.Equal(
            ["calendar_user_ids[1]", "window_end_time"],
            invalid.FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal)
        );
        Assert.Equal(0, Fake.CountRequests("GET", "/v2/calendars/"));
    }

    [Fact]
    public async Task The_fake_refuses_a_listing_without_its_window_as_zoom_does()
    {
        Fake.AddUser(ZoomWorld.Rep);
        using var raw = new ZoomRaw(Fake);

        using var refused = await raw.SendAsync(
            HttpMethod.Get,
            $"v2/calendars/{Uri.EscapeDataString(ZoomWorld.Rep)}/events?timeMax=2026-12-08T00:00:00Z"
        );

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal(
            (300, "timeMin"),
            (body["code"]!.GetValue<int>(), body["errors"]![0]!["field"]!.GetValue<string>())
        );
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
