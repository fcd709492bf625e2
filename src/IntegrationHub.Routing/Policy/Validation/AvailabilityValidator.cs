namespace IntegrationHub.Routing.Policy.Validation;

/// <summary><c>availability</c>: known calendar event kinds, each once, and a sensible refresh.</summary>
internal static class AvailabilityValidator
{
    public static IEnumerable<string> Check(RoutingPolicy policy)
    {
        var availability = policy.Availability;
        var kinds = availability.CalendarEventKinds;
        for (var i = 0; i < kinds.Count; i++)
        {
            if (!AvailabilityPolicy.KindNames.ContainsKey(kinds[i] ?? ""))
            {
                yield return $"availability.calendarEventKinds[{i}]: '{kinds[i]}' is not a calendar event kind; "
                    + $"use {string.Join(", ", AvailabilityPolicy.KindNames.Keys)}";
            }
            else if (kinds.Take(i).Contains(kinds[i], StringComparer.Ordinal))
            {
                yield return $"availability.calendarEventKinds[{i}]: '{kinds[i]}' is listed twice";
            }
        }

        if (
            availability.CalendarRefresh < TimeSpan.FromSeconds(5)
            || availability.CalendarRefresh > TimeSpan.FromHours(1)
        )
        {
            yield return "availability.calendarRefresh: must be between 00:00:05 and 01:00:00";
        }
    }
}
