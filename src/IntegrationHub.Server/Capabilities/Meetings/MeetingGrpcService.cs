using Grpc.Core;
using IntegrationHub.Contracts.Meetings.V1;
using IntegrationHub.Sdk.Capabilities.Meetings;
using IntegrationHub.Server.Errors;

namespace IntegrationHub.Server.Capabilities.Meetings;

/// <summary>Serves the meetings contract from whichever connector is configured.</summary>
public sealed class MeetingGrpcService(IMeetingConnector connector) : MeetingService.MeetingServiceBase
{
    public override async Task<ListFreeSlotsResponse> ListFreeSlots(
        ListFreeSlotsRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var user = validator.Required("calendar_user_id", request.CalendarUserId, 128);
        var start = validator.Timestamp("window_start_time", request.WindowStartTime, required: true);
        var end = validator.Timestamp("window_end_time", request.WindowEndTime, required: true);
        if (start is { } s && end is { } e && (e <= s || e - s > TimeSpan.FromDays(31)))
        {
            validator.Add("window_end_time", "must be after window_start_time and at most 31 days later");
        }

        validator.Range("duration_minutes", request.DurationMinutes, 5, 480);
        validator.Range("buffer_minutes", request.BufferMinutes, 0, 120);
        validator.Range("minimum_notice_minutes", request.MinimumNoticeMinutes, 0, 10_080);
        var hours = WorkingHours(validator, request.WorkingHours);
        validator.ThrowIfInvalid();

        var query = new FreeSlotQuery(
            user,
            start!.Value,
            end!.Value,
            TimeSpan.FromMinutes(request.DurationMinutes),
            TimeSpan.FromMinutes(request.BufferMinutes),
            TimeSpan.FromMinutes(request.MinimumNoticeMinutes),
            hours!
        );
        var response = new ListFreeSlotsResponse();
        response.Slots.AddRange(
            (await connector.ListFreeSlotsAsync(query, context.CancellationToken)).Select(slot => slot.ToContract())
        );
        return response;
    }

    public override async Task<CreateMeetingResponse> CreateMeeting(
        CreateMeetingRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var meeting = new MeetingRequest(
            validator.Required("calendar_user_id", request.CalendarUserId, 128),
            validator.Required("topic", request.Topic, 200),
            validator.Timestamp("start_time", request.StartTime, required: true) ?? default,
            TimeSpan.FromMinutes(validator.Range("duration_minutes", request.DurationMinutes, 5, 480)),
            validator.Length("time_zone", request.TimeZone, 64),
            validator.Email("invitee_email", request.InviteeEmail, required: false).OrNull(),
            validator.Required("idempotency_key", request.IdempotencyKey, 128)
        );
        if (meeting.TimeZone.Length > 0 && !TimeZoneInfo.TryFindSystemTimeZoneById(meeting.TimeZone, out _))
        {
            validator.Add("time_zone", "must be an IANA time zone such as Europe/Paris");
        }

        validator.ThrowIfInvalid();
        return new CreateMeetingResponse
        {
            Meeting = (await connector.CreateMeetingAsync(meeting, context.CancellationToken)).ToContract(),
        };
    }

    public override async Task<CancelMeetingResponse> CancelMeeting(
        CancelMeetingRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var id = validator.Required("meeting_id", request.MeetingId, 64);
        validator.ThrowIfInvalid();
        await connector.CancelMeetingAsync(id, context.CancellationToken);
        return new CancelMeetingResponse();
    }

    public override async Task<ListCalendarEventsResponse> ListCalendarEvents(
        ListCalendarEventsRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        if (request.CalendarUserIds.Count is 0 or > 100)
        {
            validator.Add("calendar_user_ids", "must name 1 to 100 calendars");
        }

        var users = request
            .CalendarUserIds.Select((id, i) => validator.Required($"calendar_user_ids[{i}]", id, 128))
            .ToList();
        var start = validator.Timestamp("window_start_time", request.WindowStartTime, required: true);
        var end = validator.Timestamp("window_end_time", request.WindowEndTime, required: true);
        if (start is { } s && end is { } e && (e <= s || e - s > TimeSpan.FromDays(31)))
        {
            validator.Add("window_end_time", "must be after window_start_time and at most 31 days later");
        }

        validator.ThrowIfInvalid();
        var events = await connector.ListCalendarEventsAsync(
            new CalendarEventQuery(users, start!.Value, end!.Value),
            context.CancellationToken
        );
        var response = new ListCalendarEventsResponse();
        response.Events.AddRange(events.Select(e => e.ToContract()));
        return response;
    }

    private static Sdk.Capabilities.Meetings.WorkingHours? WorkingHours(
        RequestValidator validator,
        Contracts.Meetings.V1.WorkingHours? hours
    )
    {
        if (hours is null)
        {
            validator.Add("working_hours", "is required");
            return null;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(hours.TimeZone ?? "", out _))
        {
            validator.Add("working_hours.time_zone", "must be an IANA time zone such as Europe/Paris");
        }

        validator.Range("working_hours.start_minute", hours.StartMinute, 0, 1439);
        validator.Range("working_hours.end_minute", hours.EndMinute, 1, 1440);
        if (hours.EndMinute <= hours.StartMinute)
        {
            validator.Add("working_hours.end_minute", "must be after start_minute");
        }

        if (hours.Weekdays.Any(d => d is < 1 or > 7))
        {
            validator.Add("working_hours.weekdays", "days are 1 (Monday) to 7 (Sunday)");
        }

        return hours.StartMinute is >= 0 and < 1440 && hours.EndMinute is > 0 and <= 1440 ? hours.ToDomain() : null;
    }
}
