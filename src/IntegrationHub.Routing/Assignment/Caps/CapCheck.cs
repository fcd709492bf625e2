using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Routing.Rules;

namespace IntegrationHub.Routing.Assignment.Caps;

/// <summary>Whether a rep has reached a cap, and the counters a decision that gives them work moves.</summary>
public static class CapCheck
{
    private static readonly WorkPeriod[] Periods = [WorkPeriod.Day, WorkPeriod.Week];

    /// <summary>
    /// Null when <paramref name="pool"/>'s round robin may give the rep one more lead or chat, otherwise why not
    /// ("Avery Johnson is capped: 5 of 5 leads today (Asia/Tokyo)").
    /// </summary>
    public static async Task<string?> WhyCappedAsync(
        RepDefinition rep,
        PoolDefinition pool,
        WorkChannel channel,
        IWorkCounts counts,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        foreach (var (counter, limit) in Limits(rep, pool.Name, pool.Caps, channel, now))
        {
            if (limit is { } most && await counts.TakenAsync(counter, cancellationToken) is var taken && taken >= most)
            {
                var what = channel == WorkChannel.Lead ? "leads" : "chats";
                var when = counter.Period == WorkPeriod.Day ? "today" : "this week";
                var from = counter.Subject == rep.Id ? "" : $" from {pool.Name}";
                return $"{rep.Name} is capped: {taken} of {most} {what} {when}{from} ({rep.TimeZone})";
            }
        }

        return null;
    }

    /// <summary>
    /// The counters the lead or chat a decision gives its human moves, with their caps; none for an AI rep, a meeting
    /// offer or a decision that routed nobody.
    /// </summary>
    public static IEnumerable<(WorkCounter Counter, int? Limit)> WorkGiven(
        RoutingPolicy policy,
        RoutingTarget target,
        WorkChannel channel,
        DateTimeOffset now
    )
    {
        if (target.Kind != TargetKind.HumanRep || policy.RepById(target.RepId) is not { } rep)
        {
            return [];
        }

        var poolCaps = target.Pool is { } pool ? policy.Pool(pool)?.Caps : null;
        return Limits(rep, target.Pool, poolCaps, channel, now);
    }

    /// <summary>
    /// Every counter one more lead or chat for the rep moves, with the cap the store must hold it to: the rep's caps
    /// and the pool's when round robin in <paramref name="pool"/> chose them, none for a named owner (caps do not
    /// turn an owner away, but their work counts).
    /// </summary>
    public static IEnumerable<(WorkCounter Counter, int? Limit)> Limits(
        RepDefinition rep,
        string? pool,
        WorkCaps? poolCaps,
        WorkChannel channel,
        DateTimeOffset now
    )
    {
        foreach (var period in Periods)
        {
            yield return (
                WorkCounter.ForRep(rep, channel, period, now),
                pool is null ? null : rep.Caps?.Limit(channel, period)
            );
        }

        if (pool is not null)
        {
            foreach (var period in Periods)
            {
                yield return (
                    WorkCounter.ForPoolMember(pool, rep, channel, period, now),
                    poolCaps?.Limit(channel, period)
                );
            }
        }
    }
}
