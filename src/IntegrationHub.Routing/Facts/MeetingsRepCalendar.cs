using IntegrationHub.Routing.Policy;
using IntegrationHub.Sdk.Capabilities.Meetings;

namespace IntegrationHub.Routing.Facts;

/// <summary>
/// The reps' calendars read from the meetings connector in one call for every rep of the policy (a rep's calendar is
/// their <c>calendarUserId</c>, else their email), kept to the kinds the policy counts, over twice the refresh ahead
/// so a kept reading still covers the moment it is replaced.
/// </summary>
public sealed class MeetingsRepCalendar(IMeetingConnector meetings, TimeProvider time) : IRepCalendar
{
    public async Task<RepAbsences> ReadAsync(RoutingPolicy policy, CancellationToken cancellationToken)
    {
        var repsByCalendar = policy
            .Reps.GroupBy(r => r.CalendarUserId ?? r.Email, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToList(), StringComparer.OrdinalIgnoreCase);
        if (repsByCalendar.Count == 0)
        {
            return new RepAbsences([]);
        }

        var now = time.GetUtcNow();
        var counted = policy.Availability.Counted;
        var events = await meetings.ListCalendarEventsAsync(
            new CalendarEventQuery([.. repsByCalendar.Keys], now, now + 2 * policy.Availability.CalendarRefresh),
            cancellationToken
        );
        return new RepAbsences([
            .. events
                .Where(e => counted.Contains(e.Kind) && repsByCalendar.ContainsKey(e.CalendarUserId))
                .SelectMany(e =>
                    repsByCalendar[e.CalendarUserId].Select(rep => new RepAbsence(rep, e.Kind, e.Start, e.End))
                ),
        ]);
    }
}
