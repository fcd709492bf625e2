namespace IntegrationHub.Sdk.Capabilities.Meetings;

/// <summary>
/// Turns a rep's working hours and existing meetings into bookable slots. Shared by every
/// meetings connector so that "free" means the same whichever calendar vendor serves it.
/// Slots start on a quarter-hour grid in the rep's time zone.
/// </summary>
public static class FreeSlotCalculator
{
    /// <summary>The grid slots start on: every quarter hour of the rep's day.</summary>
    public static readonly TimeSpan Grid = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The free slots of <paramref name="query"/> around the <paramref name="busy"/> times, none before <paramref
    /// name="now"/> plus the notice.
    /// </summary>
    public static IReadOnlyList<TimeSlot> Compute(FreeSlotQuery query, IEnumerable<TimeSlot> busy, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(query.WorkingHours.TimeZone);
        var blocked = busy.Select(b => new TimeSlot(b.Start - query.Buffer, b.End + query.Buffer))
            .OrderBy(b => b.Start)
            .ToList();
        var earliest = Max(query.WindowStart, now + query.MinimumNotice);
        var slots = new List<TimeSlot>();

        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(query.WindowStart, zone).Date);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(query.WindowEnd, zone).Date);
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            if (!query.WorkingHours.Days.Contains(day.DayOfWeek))
            {
                continue;
            }

            var dayStart = Local(day, query.WorkingHours.Start, zone);
            var dayEnd =
                query.WorkingHours.End == TimeOnly.MinValue
                    ? Local(day.AddDays(1), TimeOnly.MinValue, zone)
                    : Local(day, query.WorkingHours.End, zone);
            for (var start = dayStart; start + query.Duration <= dayEnd; start += Grid)
            {
                var slot = new TimeSlot(start, start + query.Duration);
                if (slot.Start >= earliest && slot.End <= query.WindowEnd && !blocked.Any(b => Overlaps(b, slot)))
                {
                    slots.Add(slot);
                }
            }
        }

        return slots;
    }

    private static DateTimeOffset Local(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static bool Overlaps(TimeSlot a, TimeSlot b) => a.Start < b.End && b.Start < a.End;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
