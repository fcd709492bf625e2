using IntegrationHub.Routing.Assignment;
using IntegrationHub.Storage.Assignment;

namespace IntegrationHub.Hub.Decisions;

/// <summary>The routing engine's round robin inside a batch picks stored with the decisions.</summary>
public sealed class LedgerRoundRobin(RoundRobinLedger ledger) : IRoundRobin
{
    public Task<string?> PickAsync(
        string pool,
        IReadOnlyList<WeightedMember> eligible,
        CancellationToken cancellationToken
    ) => ledger.PickAsync(pool, [.. eligible.Select(m => (m.RepId, m.Weight))], cancellationToken);
}
