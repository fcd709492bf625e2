using System.Text.Json.Serialization;
using IntegrationHub.Sdk.Capabilities.Meetings;

namespace IntegrationHub.Routing.Policy;

/// <summary>
/// <c>availability</c>: which calendar events make a rep unavailable while they last (not offered chats, skipped by
/// lead round robin), and how long one reading of every rep's calendar is trusted. No kinds: calendars are not read.
/// </summary>
public sealed record AvailabilityPolicy
{
    /// <summary>The kinds the policy file may name, and what each is.</summary>
    public static readonly IReadOnlyDictionary<string, CalendarEventKind> KindNames = new Dictionary<
        string,
        CalendarEventKind
    >(StringComparer.Ordinal)
    {
        ["out_of_office"] = CalendarEventKind.OutOfOffice,
        ["holiday"] = CalendarEventKind.Holiday,
        ["focus_time"] = CalendarEventKind.FocusTime,
        ["busy"] = CalendarEventKind.Busy,
    };

    /// <summary>Calendar event kinds that count as away ("out_of_office", "holiday", "focus_time", "busy").</summary>
    public IReadOnlyList<string> CalendarEventKinds { get; init; } = [];

    /// <summary>How long one reading of the reps' calendars is used before they are read again.</summary>
    public TimeSpan CalendarRefresh { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The kinds that count, as the calendar connector names them.</summary>
    [JsonIgnore]
    public IReadOnlySet<CalendarEventKind> Counted =>
        CalendarEventKinds.Where(KindNames.ContainsKey).Select(k => KindNames[k]).ToHashSet();

    /// <summary>Whether routing reads the reps' calendars at all.</summary>
    [JsonIgnore]
    public bool ReadsCalendars => CalendarEventKinds.Count > 0;
}
