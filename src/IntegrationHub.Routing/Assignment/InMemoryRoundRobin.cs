using IntegrationHub.Routing.Assignment.Caps;

namespace IntegrationHub.Routing.Assignment;

/// <summary>
/// Weighted round robin kept in this process: for one hub without a shared store, and for
/// measuring the engine alone. Picks the member with the lowest picks-to-weight ratio, ties
/// to the lowest id, so every member gets its weighted share in turn.
/// </summary>
public sealed class InMemoryRoundRobin : IRoundRobin
{
    private readonly Dictionary<(string Pool, string Rep), long> _picks = [];
    private readonly Lock _lock = new();

    /// <summary>Work counted only when the caller counts it (a simulation replaying decisions does).</summary>
    public CountedWork Work { get; } = new();

    public IWorkCounts Counts => Work;

    public Task<string?> PickAsync(
        string pool,
        IReadOnlyList<WeightedMember> eligible,
        CancellationToken cancellationToken
    )
    {
        lock (_lock)
        {
            WeightedMember? best = null;
            double bestRatio = double.MaxValue;
            foreach (var member in eligible.Where(m => m.Weight > 0).OrderBy(m => m.RepId, StringComparer.Ordinal))
            {
                var ratio = (_picks.GetValueOrDefault((pool, member.RepId)) + 1) / (double)member.Weight;
                if (ratio < bestRatio)
                {
                    (best, bestRatio) = (member, ratio);
                }
            }

            if (best is null)
            {
                return Task.FromResult<string?>(null);
            }

            _picks[(pool, best.RepId)] = _picks.GetValueOrDefault((pool, best.RepId)) + 1;
            return Task.FromResult<string?>(best.RepId);
        }
    }
}
