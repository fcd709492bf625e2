using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Sdk.Capabilities.Meetings;
using ZiggyCreatures.Caching.Fusion;

namespace IntegrationHub.Hub.Caching;

/// <summary>
/// The reps' calendars, read once per <c>availability.calendarRefresh</c> for the whole rep set, not per visitor: a
/// calendar does not change by the second, and Zoom limits the calls. Concurrent decisions share one reading; a failed
/// reading is not kept, so the next decision asks again (and says the calendar is unknown until one succeeds). Each
/// instance keeps its own reading (one call per rep per refresh each): a handful of calls a minute, not worth Redis.
/// </summary>
public sealed class CachedRepCalendar : IRepCalendar, IDisposable
{
    private readonly MeetingsRepCalendar _calendar;
    private readonly FusionCache _inProcess = new(
        new FusionCacheOptions { CacheName = "calendar", DisableTagging = true }
    );
    private readonly LookupCache<RepAbsences> _readings;

    public CachedRepCalendar(IMeetingConnector meetings, TimeProvider time)
    {
        _calendar = new MeetingsRepCalendar(meetings, time);
        _readings = new LookupCache<RepAbsences>("calendar", _inProcess, time);
    }

    public void Dispose() => _inProcess.Dispose();

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
