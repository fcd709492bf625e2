namespace IntegrationHub.Sdk.Sandbox;

/// <summary>What a sandbox fake's vendor is going through, as a user rehearsing an incident puts it.</summary>
public enum VendorConditionKind
{
    /// <summary>Answers as the vendor does on a good day.</summary>
    Healthy,

    /// <summary>Every call gets the vendor's own outage answer.</summary>
    Down,

    /// <summary>Every call is answered, late by <see cref="VendorCondition.Latency"/>.</summary>
    Slow,

    /// <summary>Every call gets the vendor's throttling answer, with its retry signal at the condition's end.</summary>
    Throttled,

    /// <summary>A share of the calls (<see cref="VendorCondition.FailurePercent"/>) gets the outage answer.</summary>
    Failing,
}

/// <summary>
/// A condition a sandbox vendor is put in. Latency adds to any kind (a slow outage times callers out);
/// <see cref="FailurePercent"/> is for <see cref="VendorConditionKind.Failing"/> only.
/// </summary>
public sealed record VendorCondition
{
    private VendorCondition(VendorConditionKind kind, TimeSpan latency, int failurePercent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        if (kind == VendorConditionKind.Failing)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(failurePercent, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(failurePercent, 100);
        }

        Kind = kind;
        Latency = latency;
        FailurePercent = kind == VendorConditionKind.Failing ? failurePercent : 0;
    }

    /// <summary>What the vendor is going through.</summary>
    public VendorConditionKind Kind { get; }

    /// <summary>Added to every answer while the condition lasts.</summary>
    public TimeSpan Latency { get; }

    /// <summary>Of every hundred calls, how many fail (1 to 100), spread evenly; 0 unless failing.</summary>
    public int FailurePercent { get; }

    /// <summary>Answers as on a good day.</summary>
    public static VendorCondition Healthy { get; } = new(VendorConditionKind.Healthy, TimeSpan.Zero, 0);

    /// <summary>Every call gets the vendor's outage answer, after <paramref name="latency"/>.</summary>
    public static VendorCondition Down(TimeSpan latency = default) => new(VendorConditionKind.Down, latency, 0);

    /// <summary>Every call is answered late by <paramref name="latency"/> (more than zero).</summary>
    public static VendorCondition Slow(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(latency, TimeSpan.Zero);
        return new(VendorConditionKind.Slow, latency, 0);
    }

    /// <summary>Every call gets the vendor's throttling answer, after <paramref name="latency"/>.</summary>
    public static VendorCondition Throttled(TimeSpan latency = default) =>
        new(VendorConditionKind.Throttled, latency, 0);

    /// <summary>
    /// <paramref name="percent"/> of every hundred calls (1 to 100) get the outage answer, after
    /// <paramref name="latency"/>.
    /// </summary>
    public static VendorCondition Failing(int percent, TimeSpan latency = default) =>
        new(VendorConditionKind.Failing, latency, percent);
}

/// <summary>The condition a vendor is in, and when (on the fake's clock) it ends; null for a healthy vendor.</summary>
/// <param name="Condition">The condition.</param>
/// <param name="EndsAt">When it ends; null while healthy.</param>
public sealed record VendorConditionState(VendorCondition Condition, DateTimeOffset? EndsAt)
{
    /// <summary>No condition.</summary>
    public static VendorConditionState Healthy { get; } = new(VendorCondition.Healthy, null);
}
