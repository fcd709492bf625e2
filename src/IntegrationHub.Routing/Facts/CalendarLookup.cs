using IntegrationHub.Routing.Policy;
using IntegrationHub.Sdk.Capabilities;

namespace IntegrationHub.Routing.Facts;

/// <summary>
/// The reps' calendars as one more fact of a decision, asked alongside the others under the same deadline: not asked
/// when the policy counts no calendar event kinds or the hub has no calendar; unknown (failed, late) when the
/// calendar source is, which the decision then says.
/// </summary>
public static class CalendarLookup
{
    public const string Source = "calendar";

    public static Sourced<RepAbsences> NotAsked => SourceCall.NotAsked<RepAbsences>(Source, Capability.Meetings);

    public static Task<Sourced<RepAbsences>> AskAsync(FactLookups lookups, FactSources sources, RoutingPolicy policy) =>
        policy.Availability.ReadsCalendars && sources.Calendar is { } calendar
            ? lookups.AskAsync<RepAbsences>(Source, Capability.Meetings, async c => await calendar.ReadAsync(policy, c))
            : Task.FromResult(NotAsked);

    /// <summary>The reports of a decision's facts, with the calendar's when it was asked.</summary>
    public static IReadOnlyList<SourceReport> With(
        IReadOnlyList<SourceReport> reports,
        Sourced<RepAbsences> calendar
    ) => calendar.Report.Status == SourceStatus.NotAsked ? reports : [.. reports, calendar.Report];

    /// <summary>What a decision says when the calendar could not be read: who was taken as free, and why.</summary>
    public static string? WhyUnknown(Sourced<RepAbsences> calendar) =>
        calendar.Report.Broken
            ? $"availability from the calendar unknown ({calendar.Report.WhyUnknown}): "
                + "reps taken as available by presence and working hours alone"
            : null;
}
