using IntegrationHub.Routing.Assignment.Caps;
using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Storage.Assignment;

namespace IntegrationHub.Hub.Caps;

/// <summary>The routing engine's work counters as the store keeps them ("lead"/"chat", "day"/"week").</summary>
public static class WorkCounts
{
    public static WorkCount Stored(this WorkCounter counter) =>
        new(
            counter.Subject,
            counter.Channel == WorkChannel.Lead ? "lead" : "chat",
            counter.Period == WorkPeriod.Day ? "day" : "week",
            counter.Start,
            0
        );

    /// <summary>
    /// Counts the work a decision gives: one lead or chat for the human it chose, held to their caps when a pool's
    /// round robin chose them. Nothing for an AI rep, a meeting offer or a decision that routed nobody.
    /// </summary>
    public static async Task TakeAsync(
        WorkCountLedger work,
        RoutingPolicy policy,
        RoutingTarget target,
        WorkChannel channel,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        foreach (var (counter, limit) in CapCheck.WorkGiven(policy, target, channel, now))
        {
            await work.TakeAsync(counter.Stored(), limit, cancellationToken);
        }
    }
}

/// <summary>The counts inside a decision's batch: what the decision is checked against and moves.</summary>
public sealed class LedgerWorkCounts(WorkCountLedger work) : IWorkCounts
{
    public Task<long> TakenAsync(WorkCounter counter, CancellationToken cancellationToken) =>
        work.TakenAsync(counter.Stored(), cancellationToken);
}
