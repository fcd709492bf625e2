using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Routing.Rules;

namespace IntegrationHub.Routing.Assignment.Caps;

/// <summary>
/// Work counted in memory, from zero: what a policy simulation checks caps against as it replays decisions (so a cap
/// binds on the work the replayed window gives, not on what was taken before it).
/// </summary>
public sealed class CountedWork : IWorkCounts
{
    private readonly Dictionary<WorkCounter, long> _counts = [];

    public Task<long> TakenAsync(WorkCounter counter, CancellationToken cancellationToken) =>
        Task.FromResult(_counts.GetValueOrDefault(counter));

    /// <summary>Counts the lead or chat a decision gives its human, if it gives one.</summary>
    public void Take(RoutingPolicy policy, RoutingTarget target, WorkChannel channel, DateTimeOffset now)
    {
        if (target.Kind != TargetKind.HumanRep || policy.RepById(target.RepId) is not { } rep)
        {
            return;
        }

        var poolCaps = target.Pool is { } pool ? policy.Pool(pool)?.Caps : null;
        foreach (var (counter, _) in CapCheck.Limits(rep, target.Pool, poolCaps, channel, now))
        {
            _counts[counter] = _counts.GetValueOrDefault(counter) + 1;
        }
    }
}
