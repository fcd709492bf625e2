using IntegrationHub.Routing.Assignment.Caps;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Storage.Assignment;

namespace IntegrationHub.Hub.Caps;

/// <summary>One cap on a rep and the work counted against it in the current period.</summary>
public sealed record CapStanding(WorkChannel Channel, WorkPeriod Period, int Limit, long Taken, string? Pool);

/// <summary>Every rep's caps against the stored counts, as a manager reads them: "2 of 5 chats today".</summary>
public sealed class CapStandings(WorkCountStore counts, TimeProvider time)
{
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<CapStanding>>> ReadAsync(
        RoutingPolicy policy,
        CancellationToken cancellationToken
    )
    {
        var now = time.GetUtcNow();
        var stored = (await counts.SinceAsync(now - TimeSpan.FromDays(8), cancellationToken)).ToDictionary(
            c => c with { Taken = 0 },
            c => c.Taken
        );
        var standings = new Dictionary<string, IReadOnlyList<CapStanding>>(StringComparer.Ordinal);
        foreach (var rep in policy.Reps)
        {
            var caps = new List<CapStanding>();
            foreach (var (scope, pool) in Scopes(policy, rep))
            {
                foreach (var channel in Enum.GetValues<WorkChannel>())
                {
                    foreach (var period in Enum.GetValues<WorkPeriod>())
                    {
                        if (scope.Limit(channel, period) is not { } limit)
                        {
                            continue;
                        }

                        var counter = pool is null
                            ? WorkCounter.ForRep(rep, channel, period, now)
                            : WorkCounter.ForPoolMember(pool, rep, channel, period, now);
                        caps.Add(
                            new CapStanding(channel, period, limit, stored.GetValueOrDefault(counter.Stored()), pool)
                        );
                    }
                }
            }

            standings[rep.Id] = caps;
        }

        return standings;
    }

    private static IEnumerable<(WorkCaps Caps, string? Pool)> Scopes(RoutingPolicy policy, RepDefinition rep)
    {
        if (rep.Caps is { } own)
        {
            yield return (own, null);
        }

        foreach (var pool in policy.Pools.Where(p => p.Caps is not null && p.Members.Contains(rep.Id)))
        {
            yield return (pool.Caps!, pool.Name);
        }
    }
}
