namespace IntegrationHub.Storage.Metrics;

/// <summary>
/// One increment of a routing counter: <paramref name="Figure"/> counted by <paramref name="Dimension"/> ("" for
/// nothing) in the UTC hour of the decision it belongs to. What the figures mean is the hub's business; the store only
/// adds them up.
/// </summary>
public sealed record RoutingCount(string Figure, string Dimension, DateTimeOffset DecidedAt, long By = 1)
{
    /// <summary>The grain of the counters: one hour, in UTC.</summary>
    public static readonly TimeSpan Grain = TimeSpan.FromHours(1);

    /// <summary>The start of the counter hour <paramref name="decidedAt"/> falls in.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset decidedAt) =>
        new(decidedAt.UtcTicks - decidedAt.UtcTicks % Grain.Ticks, TimeSpan.Zero);

    /// <summary>The start of the UTC day <paramref name="decidedAt"/> falls in (the daily counters' grain).</summary>
    public static DateTimeOffset DayOf(DateTimeOffset decidedAt) =>
        new(decidedAt.UtcTicks - decidedAt.UtcTicks % TimeSpan.TicksPerDay, TimeSpan.Zero);

    /// <summary>The counter hour this increment goes to.</summary>
    public DateTimeOffset Hour => HourOf(DecidedAt);
}

/// <summary>A counter's total over some hours (<see cref="Hour"/> set only when read per hour).</summary>
public sealed record RoutingTotal(string Figure, string Dimension, long Count, DateTimeOffset? Hour = null);
