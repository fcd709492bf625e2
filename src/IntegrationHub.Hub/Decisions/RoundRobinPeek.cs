using IntegrationHub.Routing.Assignment;
using IntegrationHub.Storage.Assignment;

namespace IntegrationHub.Hub.Decisions;

/// <summary>
/// The member the shared round robin would pick now, read without counting the pick: a preview must show who would get
/// the visitor without taking the turn from them.
/// </summary>
public sealed class RoundRobinPeek(RoundRobinStore store) : IRoundRobin
{
    public async Task<string?> PickAsync(
        string pool,
        IReadOnlyList<WeightedMember> eligible,
        CancellationToken cancellationToken
    )
    {
        var weighted = eligible.Where(m => m.Weight > 0).OrderBy(m => m.RepId, StringComparer.Ordinal).ToList();
        if (weighted.Count == 0)
        {
            return null;
        }

        var picks = await store.CountsAsync(pool, cancellationToken);
        return weighted.MinBy(m => (picks.GetValueOrDefault(m.RepId) + 1) / (double)m.Weight)!.RepId;
    }
}
