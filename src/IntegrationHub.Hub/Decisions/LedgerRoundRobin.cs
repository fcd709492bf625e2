using IntegrationHub.Hub.Caps;
using IntegrationHub.Routing.Assignment;
using IntegrationHub.Routing.Assignment.Caps;
using IntegrationHub.Storage.Assignment;

namespace IntegrationHub.Hub.Decisions;

/// <summary>
/// The routing engine's round robin inside a batch: picks stored with the decisions, and caps checked against the
/// work counts of the same transaction.
/// </summary>
public sealed class LedgerRoundRobin(RoundRobinLedger ledger) : IRoundRobin
{
    public IWorkCounts Counts { get; } = new LedgerWorkCounts(ledger.Work);

    public Task<string?> PickAsync(
        string pool,
        IReadOnlyList<WeightedMember> eligible,
        CancellationToken cancellationToken
    ) => ledger.PickAsync(pool, [.. eligible.Select(m => (m.RepId, m.Weight))], cancellationToken);
}
