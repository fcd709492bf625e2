using Google.Protobuf.WellKnownTypes;
using IntegrationHub.Sdk.Capabilities.Meetings;
using C = IntegrationHub.Contracts.Meetings.V1;

namespace IntegrationHub.Server.Capabilities.Meetings;

/// <summary>Meeting records ↔ the meetings contract, both ways.</summary>
public static class MeetingsMapping
{
    public static C.TimeSlot ToContract(this TimeSlot s) =>
        new() { StartTime = Timestamp.FromDateTimeOffset(s.Start), EndTime = Timestamp.FromDateTimeOffset(s.End) };

    public static TimeSlot ToDomain(this C.TimeSlot s) =>
        new(s.StartTime.RequiredTime("start_time"), s.EndTime.RequiredTime("end_time"));

    public static C.Meeting ToContract(this Meeting m) =>
        new()
        {
            Id = m.Id,
            CalendarUserId = m.CalendarUserId,
            Topic = m.Topic,
            StartTime = Timestamp.FromDateTimeOffset(m.Start),
            DurationMinutes = (int)m.Duration.TotalMinutes,
            JoinUrl = m.JoinUrl,
            Passcode = m.Passcode.OrEmpty(),
        };

    public static Meeting ToDomain(this C.Meeting m) =>
        new(
            m.Id,
            m.CalendarUserId,
            m.Topic,
            m.StartTime.RequiredTime("start_time"),
            TimeSpan.FromMinutes(m.DurationMinutes),
            m.JoinUrl,
            m.Passcode.OrNull()
        );

    public static C.WorkingHours ToContract(this WorkingHours h)
    {
        var c = new C.WorkingHours
        {
            TimeZone = h.TimeZone,
            StartMinute = (int)h.Start.ToTimeSpan().TotalMinutes,
            EndMinute = h.End == TimeOnly.MinValue ? 1440 : (int)h.End.ToTimeSpan().TotalMinutes,
        };
        c.Weekdays.AddRange(h.Days.Select(d => d == DayOfWeek.Sunday ? 7 : (int)d).Order());
        return c;
    }

    public static WorkingHours ToDomain(this C.WorkingHours h) =>
        new(
            h.TimeZone,
            TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(h.StartMinute)),
            h.EndMinute >= 1440 ? TimeOnly.MinValue : TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(h.EndMinute)),
            h.Weekdays.Count == 0
                ? WorkingHours.Weekdays
                : h.Weekdays.Select(d => d == 7 ? DayOfWeek.Sunday : (DayOfWeek)d).ToHashSet()
        );

    public static C.ListFreeSlotsRequest ToContract(this FreeSlotQuery q) =>
        new()
        {
            CalendarUserId = q.CalendarUserId,
            WindowStartTime = Timestamp.FromDateTimeOffset(q.WindowStart),
            WindowEndTime = Timestamp.FromDateTimeOffset(q.WindowEnd),
            DurationMinutes = (int)q.Duration.TotalMinutes,
            BufferMinutes = (int)q.Buffer.TotalMinutes,
            MinimumNoticeMinutes = (int)q.MinimumNotice.TotalMinutes,
            WorkingHours = q.WorkingHours.ToContract(),
        };

    public static C.CreateMeetingRequest ToContract(this MeetingRequest r) =>
        new()
        {
            CalendarUserId = r.CalendarUserId,
            Topic = r.Topic,
            StartTime = Timestamp.FromDateTimeOffset(r.Start),
            DurationMinutes = (int)r.Duration.TotalMinutes,
            TimeZone = r.TimeZone,
            InviteeEmail = r.InviteeEmail.OrEmpty(),
            IdempotencyKey = r.IdempotencyKey,
        };
}
