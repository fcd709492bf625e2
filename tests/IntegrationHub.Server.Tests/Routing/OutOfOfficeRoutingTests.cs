using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IntegrationHub.Connectors.Zoom.Fake;
using IntegrationHub.Contracts.Meetings.V1;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Tests.Hosting;

namespace IntegrationHub.Server.Tests.Routing;

/// <summary>
/// Availability from the calendar through the real gRPC API against the sandbox's Zoom fake, whose demo calendars put
/// Kevin Ramirez (LATAM) out of office now and a LATAM public holiday on Julia Souza's and Kevin's calendars
/// tomorrow: the rep away is skipped with the reason; a Zoom outage leaves availability unknown, and says so.
/// </summary>
public sealed class OutOfOfficeRoutingTests : IDisposable
{
    private const string Julia = "005SDR100000000YBA";
    private const string Kevin = "005SDR110000000YBA";
    private readonly SandboxHub _hub = new();

    public void Dispose() => _hub.Dispose();

    /// <summary>A Brazilian lead at a company of its own, so no related lead decides it before round robin.</summary>
    private static LeadSubmission LatamLead(string who) =>
        SandboxHub.Lead($"{who}@{who}empresa.com.br", $"{who} Empresa Ltda", "BR");

    [Fact]
    public async Task A_rep_out_of_office_is_skipped_by_lead_round_robin_with_the_reason()
    {
        var leads = new[] { await _hub.RouteLeadAsync(LatamLead("ana")), await _hub.RouteLeadAsync(LatamLead("bia")) };

        Assert.All(leads, l => Assert.Equal(Julia, l.Target.RepId));
        Assert.All(leads, l =>
            Assert.Contains(l.Explanation.Fallbacks, f =>
                f.Reason.StartsWith("skipped in sdr-latam: Kevin Ramirez is out of office until 20")
                && f.Reason.EndsWith("(calendar)")
            )
        );
        var calendar = leads[0].Explanation.Sources.Single(s => s.Source == "calendar");
        Assert.Equal((SourceStatus.Ok, "Zoom"), (calendar.Status, calendar.Connector));
    }

    [Fact]
    public async Task On_the_regions_public_holiday_the_rep_is_not_offered_chats_nor_leads_and_decisions_say_why()
    {
        _hub.Time.Advance(TimeSpan.FromDays(1));
        await _hub.AvailableAsync(Julia);

        var lead = await _hub.RouteLeadAsync(LatamLead("dora"));
        // Andes Mining Chile (LATAM, Worked in FY): the LATAM geo pool, where Julia is the one Expert.
        var visitor = await _hub.RouteAsync("192.0.2.70");

        Assert.Equal(TargetKind.NotRouted, lead.Target.Kind);
        Assert.Contains(lead.Explanation.Fallbacks, f =>
            f.Reason.StartsWith("skipped in sdr-latam: Julia Souza is on a public holiday until")
        );
        Assert.Contains(lead.Explanation.Fallbacks, f => f.Fallback == "pool_has_no_lead_taker");
        Assert.NotEqual(TargetKind.HumanRep, visitor.Target.Kind);
        Assert.Contains(visitor.Explanation.Fallbacks, f =>
            f.Reason.StartsWith("skipped in sdr-latam: Julia Souza is on a public holiday until")
        );
    }

    [Fact]
    public async Task With_zoom_down_the_lead_is_still_routed_and_availability_from_the_calendar_is_unknown()
    {
        _hub.Sandbox<ZoomSandbox>().Fake!.GoDown();

        var lead = await _hub.RouteLeadAsync(LatamLead("eva"));

        Assert.Equal(TargetKind.HumanRep, lead.Target.Kind);
        Assert.True(lead.Degraded);
        var calendar = lead.Explanation.Sources.Single(s => s.Source == "calendar");
        Assert.Equal(SourceStatus.Failed, calendar.Status);
        var unknown = Assert.Single(lead.Explanation.Fallbacks, f => f.Fallback == "calendar_unknown");
        Assert.StartsWith("availability from the calendar unknown (calendar unknown: Zoom failed", unknown.Reason);
    }

    [Fact]
    public async Task The_meetings_contract_lists_calendar_events_and_refuses_a_bad_window_naming_the_field()
    {
        var meetings = new MeetingService.MeetingServiceClient(_hub.Channel);
        var now = Timestamp.FromDateTimeOffset(_hub.Time.GetUtcNow());

        var listed = await meetings.ListCalendarEventsAsync(
            new ListCalendarEventsRequest
            {
                CalendarUserIds = { "kevin.ramirez@hub.demo", "julia.souza@hub.demo" },
                WindowStartTime = now,
                WindowEndTime = Timestamp.FromDateTimeOffset(_hub.Time.GetUtcNow().AddDays(2)),
            }
        );
        var refused = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => meetings
                .ListCalendarEventsAsync(
                    new ListCalendarEventsRequest
                    {
                        CalendarUserIds = { "kevin.ramirez@hub.demo" },
                        WindowStartTime = now,
                        WindowEndTime = now,
                    }
                )
                .ResponseAsync);

        Assert.Contains(listed.Events, e =>
            e.CalendarUserId == "kevin.ramirez@hub.demo" && e.Kind == CalendarEventKind.OutOfOffice
        );
        Assert.Equal(2, listed.Events.Count(e => e.Kind == CalendarEventKind.Holiday));
        Assert.Equal(["window_end_time"], RpcAssert.ViolatedFields(refused));
    }
}
