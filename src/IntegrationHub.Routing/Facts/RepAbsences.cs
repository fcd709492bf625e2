using System.Globalization;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Sdk.Capabilities.Meetings;

namespace IntegrationHub.Routing.Facts;

/// <summary>One spell a rep's calendar says they are away (an event of a kind the policy counts).</summary>
public sealed record RepAbsence(string RepId, CalendarEventKind Kind, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// The counted events on every rep's calendar over the window one reading covers; a decision asks who is away at
/// its own instant, so one reading serves every decision until the next. Kept with a decision for replay.
/// </summary>
public sealed record RepAbsences(IReadOnlyList<RepAbsence> Absences)
{
    /// <summary>The spell <paramref name="rep"/> is away in at <paramref name="now"/> (the longest).</summary>
    public RepAbsence? At(string rep, DateTimeOffset now) =>
        Absences
            .Where(a => string.Equals(a.RepId, rep, StringComparison.Ordinal) && a.Start <= now && now < a.End)
            .MaxBy(a => a.End);

    /// <summary>Why <paramref name="rep"/> is away now, in an explanation's words; null when they are not.</summary>
    public string? WhyAway(RepDefinition rep, DateTimeOffset now) =>
        At(rep.Id, now) is { } away
            ? $"{rep.Name} is {Words(away.Kind)} until {Until(rep, away.End)} (calendar)"
            : null;

    private static string Words(CalendarEventKind kind) =>
        kind switch
        {
            CalendarEventKind.OutOfOffice => "out of office",
            CalendarEventKind.Holiday => "on a public holiday",
            CalendarEventKind.FocusTime => "in focus time",
            _ => "busy",
        };

    /// <summary>The end in the rep's zone: the date alone at midnight (back that day), else date and time.</summary>
    private static string Until(RepDefinition rep, DateTimeOffset end)
    {
        var local = TimeZoneInfo.TryFindSystemTimeZoneById(rep.TimeZone, out var zone)
            ? TimeZoneInfo.ConvertTime(end, zone)
            : end;
        return local.TimeOfDay == TimeSpan.Zero
            ? local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }
}
