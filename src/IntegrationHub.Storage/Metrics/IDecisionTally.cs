using IntegrationHub.Storage.Conversations;
using IntegrationHub.Storage.Decisions;

namespace IntegrationHub.Storage.Metrics;

/// <summary>
/// The routing counters a stored decision moves, with what its conversation has become since: the hub's own rule,
/// the same one it applies when it makes a decision and when an offer is answered, so counters filled from stored
/// decisions (on upgrade, or for the partial hour at a window's edge) agree with counters kept as things happen.
/// </summary>
public interface IDecisionTally
{
    /// <summary>The counts of <paramref name="decision"/> and of its <paramref name="conversation"/> so far.</summary>
    IEnumerable<RoutingCount> Of(StoredDecision decision, StoredConversation? conversation);
}
