using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Policy;

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
        foreach (var (counter, _) in CapCheck.WorkGiven(policy, target, channel, now))
        {
            _counts[counter] = _counts.GetValueOrDefault(counter) + 1;
        }
    }
}
