namespace IntegrationHub.Storage.Decisions;

/// <summary>
/// The one point where a decision becomes durable: <see cref="DecisionWriter"/> calls every registered observer
/// right after a batch commits, before its callers are answered, with the decisions that batch wrote (repeats of an
/// earlier request are not among them). Observers must return quickly: wake a worker, write to a channel.
/// </summary>
public interface IDecisionCommitted
{
    void Committed(IReadOnlyList<DecisionWrite> decisions);
}
