using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Policy;

namespace IntegrationHub.Routing.Assignment;

/// <summary>Whether a rep can be offered a live chat now: not away by calendar, available, in working hours.</summary>
public static class RepAvailability
{
    /// <summary>Inside the rep's working hours at <paramref name="now"/>, or at any hour under demo hours.</summary>
    public static bool InWorkingHours(RoutingPolicy policy, RepDefinition rep, DateTimeOffset now) =>
        policy.DemoHours || InWorkingHours(rep, now);

    public static bool InWorkingHours(RepDefinition rep, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(rep.TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var hours = rep.WorkingHours;
        var beforeEnd = hours.End == TimeOnly.MinValue || time < hours.End;
        return hours.Days.Contains(local.DayOfWeek) && time >= hours.Start && beforeEnd;
    }

    /// <summary>
    /// Null when the rep can take a chat, otherwise why not: away by their calendar (checked first, as it says the
    /// most: "out of office until 2026-12-08"), not available, or outside working hours.
    /// </summary>
    public static string? WhyUnavailable(
        RoutingPolicy policy,
        RepDefinition rep,
        IReadOnlyDictionary<string, PresenceStatus> presence,
        DateTimeOffset now,
        RepAbsences? calendar = null
    )
    {
        if (calendar?.WhyAway(rep, now) is { } away)
        {
            return away;
        }

        var status = presence.GetValueOrDefault(rep.Id, PresenceStatus.Offline);
        if (status != PresenceStatus.Available)
        {
            return $"{rep.Name} is {status.ToString().ToLowerInvariant()}";
        }

        return InWorkingHours(policy, rep, now) ? null : $"{rep.Name} is outside working hours";
    }
}
