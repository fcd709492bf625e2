namespace IntegrationHub.Routing.Assignment.Caps;

/// <summary>How much work each counter holds now: the store's counts inside a decision's transaction.</summary>
public interface IWorkCounts
{
    Task<long> TakenAsync(WorkCounter counter, CancellationToken cancellationToken);
}

/// <summary>No work counted: caps never bind (a round robin that does not count, such as a preview's).</summary>
public sealed class NoWorkCounts : IWorkCounts
{
    public static readonly NoWorkCounts Instance = new();

    public Task<long> TakenAsync(WorkCounter counter, CancellationToken cancellationToken) => Task.FromResult(0L);
}
