using IntegrationHub.Storage.Assignment;

namespace IntegrationHub.Storage.Decisions;

/// <summary>A decision waiting in <see cref="DecisionWriter"/>'s queue, and how its caller is answered.</summary>
internal sealed record PendingDecision(
    string Kind,
    string RequestId,
    Func<RoundRobinLedger, CancellationToken, Task<DecisionWrite>> Decide,
    CancellationToken Cancellation
)
{
    /// <summary>Completed off the writer's thread, so no caller's continuation holds up the next batch.</summary>
    public TaskCompletionSource<RecordOutcome> Outcome { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}
