using IntegrationHub.Storage.Conversations;
using IntegrationHub.Storage.Outbox;
using IntegrationHub.Storage.RoutingEvents;
using IntegrationHub.Storage.Scheduling;

namespace IntegrationHub.Storage.Decisions;

/// <summary>
/// Everything one decision stores, written in one transaction: the decision, the side effects it plans, and for a
/// visitor the conversation it opens with the offer's accept timer, and the routing events it publishes (one outbox
/// row per interested subscription), and the routing counters it moves (the figures of GetRoutingMetrics). Its
/// round-robin picks travel in the batch's <see cref="Assignment.RoundRobinLedger"/>.
/// </summary>
public sealed record DecisionWrite(
    StoredDecision Decision,
    IReadOnlyList<NewEffect> Effects,
    StoredConversation? Conversation = null,
    ScheduledWork? Timer = null,
    IReadOnlyList<RoutingEvent>? Events = null,
    IReadOnlyList<Metrics.RoutingCount>? Counts = null
)
{
    /// <summary>Whether the write may add outbox rows (events do only when someone subscribed).</summary>
    public bool MayEnqueue => Effects.Count > 0 || Events is { Count: > 0 };
}
