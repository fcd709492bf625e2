using Google.Protobuf.WellKnownTypes;
using IntegrationHub.Contracts.Meetings.V1;

namespace IntegrationHub.Cli.Conformance;

/// <summary>
/// The meetings contract's probe: the sample calendar user's free 30-minute slots over the next two days, any hour
/// of any day (meetings.v1 ListFreeSlots). Nothing is booked: a conformance run leaves no meeting behind.
/// </summary>
internal static class MeetingsChecks
{
    public const string Service = "integrationhub.meetings.v1.MeetingService";

    public const string DefaultSample = "avery.johnson@hub.demo";

    public static CapabilityProbe Probe(RemoteUnderTest remote, string user)
    {
        var meetings = new MeetingService.MeetingServiceClient(remote.Invoker);
        var start = TimeProvider.System.GetUtcNow().AddDays(1);
        ListFreeSlotsRequest Slots(string who) =>
            new()
            {
                CalendarUserId = who,
                WindowStartTime = Timestamp.FromDateTimeOffset(start),
                WindowEndTime = Timestamp.FromDateTimeOffset(start.AddDays(2)),
                DurationMinutes = 30,
                WorkingHours = new WorkingHours
                {
                    TimeZone = "UTC",
                    StartMinute = 0,
                    EndMinute = 1440,
                    Weekdays = { 1, 2, 3, 4, 5, 6, 7 },
                },
            };
        return new CapabilityProbe(
            $"ListFreeSlots(calendar_user_id \"{user}\", the next two days)",
            async options =>
            {
                var slots = (await meetings.ListFreeSlotsAsync(Slots(user), options)).Slots;
                return slots
                    .Where(s =>
                        s.StartTime.ToDateTimeOffset() < start || s.EndTime.ToDateTimeOffset() > start.AddDays(2)
                    )
                    .Select(s => $"slot {s.StartTime}–{s.EndTime} lies outside the window asked for")
                    .Concat(
                        slots
                            .Where(s =>
                                s.EndTime.ToDateTimeOffset() - s.StartTime.ToDateTimeOffset()
                                != TimeSpan.FromMinutes(30)
                            )
                            .Select(s => $"slot {s.StartTime}–{s.EndTime} is not the 30 minutes asked for")
                    )
                    .FirstOrDefault();
            },
            [
                new("a window ending before it starts", "window_end_time", o =>
                    meetings
                        .ListFreeSlotsAsync(
                            Slots(user).With(r => r.WindowEndTime = Timestamp.FromDateTimeOffset(start.AddDays(-1))),
                            o
                        )
                        .ResponseAsync
                ),
                new("duration_minutes 0", "duration_minutes", o =>
                    meetings.ListFreeSlotsAsync(Slots(user).With(r => r.DurationMinutes = 0), o).ResponseAsync
                ),
            ],
            "ListFreeSlots(calendar_user_id \"nobody@no-such-company.example\")",
            o => meetings.ListFreeSlotsAsync(Slots("nobody@no-such-company.example"), o).ResponseAsync
        );
    }

    private static ListFreeSlotsRequest With(this ListFreeSlotsRequest request, Action<ListFreeSlotsRequest> change)
    {
        change(request);
        return request;
    }
}
