using IntegrationHub.Routing.Assignment.Caps;

namespace IntegrationHub.Routing.Assignment;

/// <summary>A pool member and the share of work it should get.</summary>
public sealed record WeightedMember(string RepId, int Weight);

/// <summary>
/// The shared round-robin cursor of a pool: picks the eligible member who is furthest behind
/// their weighted share, and counts the pick, atomically (across hub instances too).
/// </summary>
public interface IRoundRobin
{
    /// <summary>The picked rep's id, or null when no member has a weight above zero.</summary>
    Task<string?> PickAsync(string pool, IReadOnlyList<WeightedMember> eligible, CancellationToken cancellationToken);

    /// <summary>The work reps took so far, which caps are checked against; none unless a store counts it.</summary>
    IWorkCounts Counts => NoWorkCounts.Instance;
}
