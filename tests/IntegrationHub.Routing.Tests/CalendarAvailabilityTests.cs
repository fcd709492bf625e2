using System.Globalization;
using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Sdk.Capabilities.Meetings;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Testing;
using static IntegrationHub.Routing.Tests.RoutingScenario;

namespace IntegrationHub.Routing.Tests;

/// <summary>
/// A rep whose calendar shows a counted absence now (out of office, a holiday) is not offered chats and is skipped by
/// lead round robin, with the reason in the explanation; a calendar that fails or is late leaves availability
/// unknown, and the decision, still made in time, says so.
/// </summary>
public sealed class CalendarAvailabilityTests
{
    private readonly RoutingScenario _world = new();
    private readonly StubCalendar _calendar;

    public CalendarAvailabilityTests()
    {
        _calendar = new StubCalendar();
        _world.Calendar = new MeetingsRepCalendar(_calendar, _world.Time);
        _world.Policy = _world.Policy with
        {
            Availability = new AvailabilityPolicy { CalendarEventKinds = ["out_of_office", "holiday"] },
        };
    }

    private DateTimeOffset Now => _world.Time.GetUtcNow();

    [Fact]
    public async Task A_rep_out_of_office_now_is_not_offered_the_chat_and_the_explanation_says_until_when()
    {
        // Back at midnight (UTC, US One's zone here) three days on, whatever day the test clock says it is.
        var back = new DateTimeOffset(Now.UtcDateTime.Date.AddDays(3), TimeSpan.Zero);
        _calendar.Add("us1@hub.test", CalendarEventKind.OutOfOffice, Now.AddDays(-2), back);

        var decisions = new[] { await _world.RouteAsync(UnknownIp), await _world.RouteAsync(UnknownIp) };

        Assert.All(decisions, d => Assert.Equal("sdr-us-2", d.Target.RepId));
        var skipped = Assert.Single(decisions[0].Explanation.Fallbacks, f => f.Fallback == "rep_skipped");
        var until = back.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal($"skipped in sdr-amer: US One is out of office until {until} (calendar)", skipped.Reason);
        Assert.Equal(SourceStatus.Ok, decisions[0].Explanation.Sources.Single(s => s.Source == "calendar").Status);
        Assert.False(decisions[0].Degraded);
    }

    [Fact]
    public async Task A_holiday_counts_only_when_the_policy_lists_it()
    {
        _calendar.Add("us1@hub.test", CalendarEventKind.Holiday, Now.AddHours(-10), Now.AddHours(14));
        _calendar.Add("us2@hub.test", CalendarEventKind.FocusTime, Now.AddHours(-1), Now.AddHours(1));

        var onHoliday = await _world.RouteAsync(UnknownIp);
        _world.Policy = _world.Policy with
        {
            Availability = new AvailabilityPolicy { CalendarEventKinds = ["out_of_office"] },
        };
        var holidayIgnored = await _world.RouteAsync(UnknownIp);

        Assert.Equal("sdr-us-2", onHoliday.Target.RepId);
        Assert.Contains(onHoliday.Explanation.Fallbacks, f =>
            f.Reason.Contains("US One is on a public holiday until", StringComparison.Ordinal)
        );
        Assert.Equal("sdr-us-1", holidayIgnored.Target.RepId);
    }

    [Fact]
    public async Task A_lead_skips_the_rep_out_of_office_in_round_robin_with_the_reason()
    {
        _calendar.Add("us1@hub.test", CalendarEventKind.OutOfOffice, Now.AddHours(-1), Now.AddDays(3));

        var leads = new[]
        {
            await _world.RouteLeadAsync("a@nobody.test", company: "Nobody"),
            await _world.RouteLeadAsync("b@nobody.test", company: "Nobody"),
            await _world.RouteLeadAsync("c@nobody.test", company: "Nobody"),
        };

        Assert.DoesNotContain(leads, l => l.Target.RepId == "sdr-us-1");
        Assert.Contains(leads[0].Explanation.Fallbacks, f =>
            f.Fallback == "rep_skipped" && f.Reason.StartsWith("skipped in sdr-amer: US One is out of office")
        );
    }

    [Fact]
    public async Task A_calendar_down_still_routes_and_says_availability_from_the_calendar_is_unknown()
    {
        _calendar.Add("us1@hub.test", CalendarEventKind.OutOfOffice, Now.AddHours(-1), Now.AddDays(3));
        _calendar.Down = true;

        var visitor = await _world.RouteAsync(UnknownIp);
        var lead = await _world.RouteLeadAsync("a@nobody.test", company: "Nobody");

        foreach (
            var (degraded, explanation) in new[]
            {
                (visitor.Degraded, visitor.Explanation),
                (lead.Degraded, lead.Explanation),
            }
        )
        {
            Assert.True(degraded);
            var calendar = explanation.Sources.Single(s => s.Source == "calendar");
            Assert.Equal((SourceStatus.Failed, "StubZoom"), (calendar.Status, calendar.Connector));
            var unknown = Assert.Single(explanation.Fallbacks, f => f.Fallback == "calendar_unknown");
            Assert.StartsWith(
                "availability from the calendar unknown (calendar unknown: StubZoom failed",
                unknown.Reason
            );
        }

        // Taken as presence says, not silently as away: the rep the calendar could not vouch for still gets work.
        Assert.Equal(TargetKind.HumanRep, visitor.Target.Kind);
    }

    [Fact]
    public async Task A_calendar_slower_than_the_fact_deadline_times_out_and_the_decision_is_made()
    {
        _calendar.Hang = true;

        var routing = _world.RouteAsync(UnknownIp);
        await Eventually.HappensAsync(() => _calendar.Waiting, "the calendar being asked", TimeSpan.FromSeconds(10));
        _world.Time.Advance(_world.Policy.FactDeadline);
        var decision = await routing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SourceStatus.TimedOut, decision.Explanation.Sources.Single(s => s.Source == "calendar").Status);
        Assert.Equal(TargetKind.HumanRep, decision.Target.Kind);
        Assert.True(decision.Degraded);
    }

    [Fact]
    public void Unknown_or_repeated_event_kinds_are_refused_with_their_path()
    {
        var json =
            PolicyJson.TrimEnd().TrimEnd('}')
            + """, "availability": { "calendarEventKinds": ["holiday", "vacation", "holiday"] } }""";

        var invalid = Assert.Throws<PolicyValidationException>(() => PolicyFile.Parse(json));

        Assert.Contains(invalid.Problems, p => p.StartsWith("availability.calendarEventKinds[1]: 'vacation'"));
        Assert.Contains(invalid.Problems, p => p.StartsWith("availability.calendarEventKinds[2]: 'holiday' is listed"));
    }

    /// <summary>A calendar vendor that lists what a test put on it, or is down, or never answers.</summary>
    private sealed class StubCalendar : IMeetingConnector
    {
        private readonly List<CalendarEvent> _events = [];

        public bool Down { get; set; }

        public bool Hang { get; set; }

        public bool Waiting { get; private set; }

        public void Add(string user, CalendarEventKind kind, DateTimeOffset start, DateTimeOffset end) =>
            _events.Add(new CalendarEvent(user, kind, start, end, null));

        public async Task<IReadOnlyList<CalendarEvent>> ListCalendarEventsAsync(
            CalendarEventQuery query,
            CancellationToken cancellationToken
        )
        {
            if (Down)
            {
                throw ConnectorException.Unavailable("StubZoom", "calendar is down");
            }

            if (Hang)
            {
                Waiting = true;
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return
            [
                .. _events.Where(e =>
                    query.CalendarUserIds.Contains(e.CalendarUserId)
                    && e.Start < query.WindowEnd
                    && query.WindowStart < e.End
                ),
            ];
        }

        public Task<IReadOnlyList<TimeSlot>> ListFreeSlotsAsync(FreeSlotQuery query, CancellationToken ct) =>
            throw new NotSupportedException();

        public Task<Meeting> CreateMeetingAsync(MeetingRequest request, CancellationToken ct) =>
            throw new NotSupportedException();

        public Task CancelMeetingAsync(string meetingId, CancellationToken ct) => throw new NotSupportedException();
    }
}
