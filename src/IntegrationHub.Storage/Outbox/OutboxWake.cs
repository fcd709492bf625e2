using IntegrationHub.Storage.Decisions;

namespace IntegrationHub.Storage.Outbox;

/// <summary>
/// Tells the outbox dispatcher that effects are due, so a decision's effects leave when it commits instead of at the
/// next poll: a commit in this process signals it directly, a commit on another instance through the event bus
/// (PostgreSQL NOTIFY, sent inside that commit). Signals collapse: many commits while the dispatcher is busy make
/// one more round, which claims them all. Polling stays as the safety net for anything not signalled.
/// </summary>
public sealed class OutboxWake : IDecisionCommitted
{
    /// <summary>The event-bus channel on which instances announce newly committed effects.</summary>
    public const string Channel = "outbox.due";

    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Committed(IReadOnlyList<DecisionWrite> decisions)
    {
        if (decisions.Any(d => d.MayEnqueue))
        {
            Signal();
        }
    }

    public void Signal()
    {
        if (_signal.CurrentCount > 0)
        {
            // Already signalled and not yet taken (the usual case under load): no exception to throw and catch.
            return;
        }

        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Signalled by another thread since the look above: the coming round will see these effects too.
        }
    }

    /// <summary>Waits until signalled or <paramref name="timeout"/> passes (the poll); true when signalled.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);
}
