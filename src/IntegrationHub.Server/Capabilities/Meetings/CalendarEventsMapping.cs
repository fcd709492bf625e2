using Google.Protobuf.WellKnownTypes;
using IntegrationHub.Sdk.Capabilities.Meetings;
using C = IntegrationHub.Contracts.Meetings.V1;

namespace IntegrationHub.Server.Capabilities.Meetings;

/// <summary>Calendar events ↔ the meetings contract, both ways (served, and read from a remote connector).</summary>
public static class CalendarEventsMapping
{
    public static C.CalendarEvent ToContract(this CalendarEvent e) =>
        new()
        {
            CalendarUserId = e.CalendarUserId,
            Kind = e.Kind switch
            {
                CalendarEventKind.OutOfOffice => C.CalendarEventKind.OutOfOffice,
                CalendarEventKind.Holiday => C.CalendarEventKind.Holiday,
                CalendarEventKind.FocusTime => C.CalendarEventKind.FocusTime,
                CalendarEventKind.WorkingLocation => C.CalendarEventKind.WorkingLocation,
                _ => C.CalendarEventKind.Busy,
            },
            StartTime = Timestamp.FromDateTimeOffset(e.Start),
            EndTime = Timestamp.FromDateTimeOffset(e.End),
            Title = e.Title ?? "",
        };

    public static CalendarEvent ToDomain(this C.CalendarEvent e) =>
        new(
            e.CalendarUserId,
            e.Kind switch
            {
                C.CalendarEventKind.OutOfOffice => CalendarEventKind.OutOfOffice,
                C.CalendarEventKind.Holiday => CalendarEventKind.Holiday,
                C.CalendarEventKind.FocusTime => CalendarEventKind.FocusTime,
                C.CalendarEventKind.WorkingLocation => CalendarEventKind.WorkingLocation,
                _ => CalendarEventKind.Busy,
            },
            e.StartTime.RequiredTime("start_time"),
            e.EndTime.RequiredTime("end_time"),
            e.Title.Length == 0 ? null : e.Title
        );

    public static C.ListCalendarEventsRequest ToContract(this CalendarEventQuery q)
    {
        var request = new C.ListCalendarEventsRequest
        {
            WindowStartTime = Timestamp.FromDateTimeOffset(q.WindowStart),
            WindowEndTime = Timestamp.FromDateTimeOffset(q.WindowEnd),
        };
        request.CalendarUserIds.AddRange(q.CalendarUserIds);
        return request;
    }
}
