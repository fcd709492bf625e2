using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Sdk.Capabilities.Meetings;

/// <summary>Calendar and video meetings (Zoom-like).</summary>
public interface IMeetingConnector : ICapabilityConnector
{
    /// <summary>
    /// Bookable slots, earliest first: working hours minus existing meetings and buffers, after the notice.
    /// </summary>
    Task<IReadOnlyList<TimeSlot>> ListFreeSlotsAsync(FreeSlotQuery query, CancellationToken cancellationToken);

    /// <summary>Books a meeting with a unique join link; a repeat with the same key returns the same meeting.</summary>
    Task<Meeting> CreateMeetingAsync(MeetingRequest request, CancellationToken cancellationToken);

    /// <summary>Cancels a meeting. Throws NotFound for an unknown meeting.</summary>
    Task CancelMeetingAsync(string meetingId, CancellationToken cancellationToken);

    /// <summary>
    /// The events of several calendars overlapping a window, in one call (routing asks for every rep at once). A
    /// connector written before calendars were read does not list them: the default refuses with FailedPrecondition
    /// (<c>CALENDAR_EVENTS_UNSUPPORTED</c>), so routing says availability from the calendar is unknown.
    /// </summary>
    Task<IReadOnlyList<CalendarEvent>> ListCalendarEventsAsync(
        CalendarEventQuery query,
        CancellationToken cancellationToken
    ) =>
        throw new ConnectorException(
            ConnectorErrorKind.FailedPrecondition,
            "This meetings connector does not list calendar events."
        )
        {
            Reason = "CALENDAR_EVENTS_UNSUPPORTED",
        };
}

/// <summary>A span of time.</summary>
/// <param name="Start">When it starts.</param>
/// <param name="End">When it ends.</param>
public sealed record TimeSlot(DateTimeOffset Start, DateTimeOffset End);

/// <summary>A rep's working day in the rep's own time zone.</summary>
/// <param name="TimeZone">IANA time zone ("America/New_York").</param>
/// <param name="Start">When the working day starts, local time.</param>
/// <param name="End">When it ends, local time.</param>
/// <param name="Days">The days worked.</param>
public sealed record WorkingHours(string TimeZone, TimeOnly Start, TimeOnly End, IReadOnlySet<DayOfWeek> Days)
{
    /// <summary>Monday to Friday.</summary>
    public static IReadOnlySet<DayOfWeek> Weekdays { get; } =
        new HashSet<DayOfWeek>
        {
            DayOfWeek.Monday,
            DayOfWeek.Tuesday,
            DayOfWeek.Wednesday,
            DayOfWeek.Thursday,
            DayOfWeek.Friday,
        };
}

/// <summary>Which free slots to find on a calendar.</summary>
/// <param name="CalendarUserId">The calendar's user (an id or email at the vendor).</param>
/// <param name="WindowStart">The earliest a slot may start.</param>
/// <param name="WindowEnd">The latest a slot may end.</param>
/// <param name="Duration">How long each slot is.</param>
/// <param name="Buffer">Free time kept before and after existing meetings.</param>
/// <param name="MinimumNotice">How far from now the first slot may start.</param>
/// <param name="WorkingHours">The rep's working hours; slots fall inside them.</param>
public sealed record FreeSlotQuery(
    string CalendarUserId,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    TimeSpan Duration,
    TimeSpan Buffer,
    TimeSpan MinimumNotice,
    WorkingHours WorkingHours
);

/// <summary>A meeting to book.</summary>
/// <param name="CalendarUserId">The host's user (an id or email at the vendor).</param>
/// <param name="Topic">The meeting's title.</param>
/// <param name="Start">When it starts.</param>
/// <param name="Duration">How long it lasts.</param>
/// <param name="TimeZone">IANA time zone the invitation shows.</param>
/// <param name="InviteeEmail">The visitor invited, when known.</param>
/// <param name="IdempotencyKey">Makes a repeat of the same request return the first meeting.</param>
public sealed record MeetingRequest(
    string CalendarUserId,
    string Topic,
    DateTimeOffset Start,
    TimeSpan Duration,
    string TimeZone,
    string? InviteeEmail,
    string IdempotencyKey
);

/// <summary>A booked meeting.</summary>
/// <param name="Id">The meeting's id at the vendor.</param>
/// <param name="CalendarUserId">The host's user.</param>
/// <param name="Topic">The meeting's title.</param>
/// <param name="Start">When it starts.</param>
/// <param name="Duration">How long it lasts.</param>
/// <param name="JoinUrl">The link participants join with.</param>
/// <param name="Passcode">The passcode, when the vendor sets one.</param>
public sealed record Meeting(
    string Id,
    string CalendarUserId,
    string Topic,
    DateTimeOffset Start,
    TimeSpan Duration,
    string JoinUrl,
    string? Passcode
);
