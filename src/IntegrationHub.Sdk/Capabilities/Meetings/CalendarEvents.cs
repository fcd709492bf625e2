namespace IntegrationHub.Sdk.Capabilities.Meetings;

/// <summary>What a calendar event says about its owner's time, in the hub's words.</summary>
public enum CalendarEventKind
{
    /// <summary>An ordinary event: a meeting, a block of busy time.</summary>
    Busy,

    /// <summary>The owner marked themselves out of office (vacation, leave).</summary>
    OutOfOffice,

    /// <summary>A public holiday where the owner works.</summary>
    Holiday,

    /// <summary>Time the owner keeps for focused work.</summary>
    FocusTime,

    /// <summary>Where the owner works from; says nothing about being away.</summary>
    WorkingLocation,
}

/// <summary>Which calendars to read, and when: every event overlapping the window.</summary>
/// <param name="CalendarUserIds">The calendars' users (ids or emails at the vendor), one call for all of them.</param>
/// <param name="WindowStart">The window's start.</param>
/// <param name="WindowEnd">The window's end, after the start.</param>
public sealed record CalendarEventQuery(
    IReadOnlyList<string> CalendarUserIds,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd
);

/// <summary>One event on a rep's calendar.</summary>
/// <param name="CalendarUserId">The calendar's user, as asked.</param>
/// <param name="Kind">What the event says about the owner's time.</param>
/// <param name="Start">When it starts (an all-day event: midnight in the calendar's time zone).</param>
/// <param name="End">When it ends.</param>
/// <param name="Title">Its title, when the vendor shows one.</param>
public sealed record CalendarEvent(
    string CalendarUserId,
    CalendarEventKind Kind,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? Title
);
