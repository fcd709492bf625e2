using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Sdk.Capabilities.Meetings;

namespace IntegrationHub.Hub.Caching;

/// <summary>
/// The reps' calendars, read once per <c>availability.calendarRefresh</c> for the whole rep set, not per visitor: a
/// calendar does not change by the second, and Zoom limits the calls. Concurrent decisions share one reading; a failed
/// reading is not kept, so the next decision asks again (and says the calendar is unknown until one succeeds).
/// </summary>
public sealed class CachedRepCalendar(IMeetingConnector meetings, TimeProvider time) : IRepCalendar
{
    private readonly MeetingsRepCalendar _calendar = new(meetings, time);
    private readonly SingleFlightCache<string, RepAbsences> _readings = new("calendar", time, maxEntries: 8);

    public Task<RepAbsences> ReadAsync(RoutingPolicy policy, CancellationToken cancellationToken) =>
        _readings.GetOrLoadAsync(
            Key(policy),
            c => _calendar.ReadAsync(policy, c),
            _ => policy.Availability.CalendarRefresh,
            cancellationToken
        );

    /// <summary>A reading serves the policies with the same reps, calendars and counted kinds.</summary>
    private static string Key(RoutingPolicy policy) =>
        string.Join(',', policy.Availability.CalendarEventKinds.Order(StringComparer.Ordinal))
        + "|"
        + policy.Availability.CalendarRefresh
        + "|"
        + string.Join(
            ',',
            policy.Reps.Select(r => r.Id + "=" + (r.CalendarUserId ?? r.Email)).Order(StringComparer.Ordinal)
        );
}
