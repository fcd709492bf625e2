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

    public VendorConditionKind Kind { get; }

    /// <summary>Added to every answer while the condition lasts.</summary>
    public TimeSpan Latency { get; }

    /// <summary>Of every hundred calls, how many fail (1 to 100), spread evenly; 0 unless failing.</summary>
    public int FailurePercent { get; }

    public static VendorCondition Healthy { get; } = new(VendorConditionKind.Healthy, TimeSpan.Zero, 0);

    public static VendorCondition Down(TimeSpan latency = default) => new(VendorConditionKind.Down, latency, 0);

    public static VendorCondition Slow(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(latency, TimeSpan.Zero);
        return new(VendorConditionKind.Slow, latency, 0);
    }

    public static VendorCondition Throttled(TimeSpan latency = default) =>
        new(VendorConditionKind.Throttled, latency, 0);

    public static VendorCondition Failing(int percent, TimeSpan latency = default) =>
        new(VendorConditionKind.Failing, latency, percent);
}

/// <summary>The condition a vendor is in, and when (on the fake's clock) it ends; null for a healthy vendor.</summary>
public sealed record VendorConditionState(VendorCondition Condition, DateTimeOffset? EndsAt)
{
    public static VendorConditionState Healthy { get; } = new(VendorCondition.Healthy, null);
}
