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
}

public sealed record TimeSlot(DateTimeOffset Start, DateTimeOffset End);

/// <summary>A rep's working day in the rep's own time zone.</summary>
public sealed record WorkingHours(string TimeZone, TimeOnly Start, TimeOnly End, IReadOnlySet<DayOfWeek> Days)
{
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

public sealed record FreeSlotQuery(
    string CalendarUserId,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    TimeSpan Duration,
    TimeSpan Buffer,
    TimeSpan MinimumNotice,
    WorkingHours WorkingHours
);

public sealed record MeetingRequest(
    string CalendarUserId,
    string Topic,
    DateTimeOffset Start,
    TimeSpan Duration,
    string TimeZone,
    string? InviteeEmail,
    string IdempotencyKey
);

public sealed record Meeting(
    string Id,
    string CalendarUserId,
    string Topic,
    DateTimeOffset Start,
    TimeSpan Duration,
    string JoinUrl,
    string? Passcode
);
