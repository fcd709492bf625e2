using IntegrationHub.Routing.Policy;

namespace IntegrationHub.Routing.Assignment.Caps;

/// <summary>
/// One count caps are checked against: the leads or chats a rep (or a rep through one pool) took in one of their days
/// or weeks, named by the instant that period began (the rep's local midnight; Monday for a week).
/// </summary>
public sealed record WorkCounter(string Subject, WorkChannel Channel, WorkPeriod Period, DateTimeOffset Start)
{
    /// <summary>All the rep's work of this kind in the period that holds <paramref name="now"/>.</summary>
    public static WorkCounter ForRep(RepDefinition rep, WorkChannel channel, WorkPeriod period, DateTimeOffset now) =>
        new(rep.Id, channel, period, StartOf(rep, period, now));

    /// <summary>The work <paramref name="pool"/>'s round robin gave the rep in the period.</summary>
    public static WorkCounter ForPoolMember(
        string pool,
        RepDefinition rep,
        WorkChannel channel,
        WorkPeriod period,
        DateTimeOffset now
    ) => new($"{pool}/{rep.Id}", channel, period, StartOf(rep, period, now));

    /// <summary>The rep's local midnight that began the day (or the Monday that began the week) holding now.</summary>
    public static DateTimeOffset StartOf(RepDefinition rep, WorkPeriod period, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(rep.TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone).Date;
        if (period == WorkPeriod.Week)
        {
            local = local.AddDays(-(((int)local.DayOfWeek + 6) % 7));
        }

        // A midnight a clock change skips has no offset of its own: the zone's offset then is the stable answer.
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
