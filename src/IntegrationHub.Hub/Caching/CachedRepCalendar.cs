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

    /// <summary>How long one reading of every calendar may take, whoever waits for it.</summary>
    private static readonly TimeSpan ReadingLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The reading for <paramref name="policy"/>'s reps. A reading outlives the decision that started it: one that
    /// takes longer than a decision's fact deadline (a cold connector, a slow vendor) still lands in the cache for
    /// the decisions after it, instead of being cancelled with its first caller and started again by each next one,
    /// which would leave the calendar unknown for as long as a reading takes longer than a deadline.
    /// </summary>
    public Task<RepAbsences> ReadAsync(RoutingPolicy policy, CancellationToken cancellationToken) =>
        _readings
            .GetOrLoadAsync(
                Key(policy),
                async reading =>
                {
                    using var limit = CancellationTokenSource.CreateLinkedTokenSource(reading);
                    limit.CancelAfter(ReadingLimit);
                    return await _calendar.ReadAsync(policy, limit.Token);
                },
                _ => policy.Availability.CalendarRefresh,
                CancellationToken.None
            )
            .WaitAsync(cancellationToken);

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
