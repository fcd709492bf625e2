using IntegrationHub.Routing.Assignment;
using IntegrationHub.Storage.Assignment;
using IntegrationHub.Storage.Presence;

namespace IntegrationHub.Hub.Decisions;

/// <summary>The routing engine's round robin, kept in the shared store.</summary>
public sealed class SharedRoundRobin(RoundRobinStore store) : IRoundRobin
{
    public Task<string?> PickAsync(
        string pool,
        IReadOnlyList<WeightedMember> eligible,
        CancellationToken cancellationToken
    ) => store.PickAsync(pool, [.. eligible.Select(m => (m.RepId, m.Weight))], cancellationToken);
}

/// <summary>The routing engine's view of presence, read from the shared store.</summary>
public sealed class SharedPresence(PresenceStore store) : IRepPresence
{
    public async Task<IReadOnlyDictionary<string, PresenceStatus>> GetAllAsync(CancellationToken cancellationToken) =>
        (await store.ListAsync(cancellationToken)).ToDictionary(
            p => p.RepId,
            p => Enum.TryParse<PresenceStatus>(p.Status, ignoreCase: true, out var s) ? s : PresenceStatus.Offline
        );
}
