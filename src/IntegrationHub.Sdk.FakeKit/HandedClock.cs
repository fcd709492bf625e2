namespace IntegrationHub.Sdk.FakeKit;

/// <summary>
/// A clock for a fake started before the clock it must follow exists (a sandbox fake starts
/// before the hub is built): the system clock until <see cref="Follow"/> hands it the real one.
/// </summary>
public sealed class HandedClock : TimeProvider
{
    private TimeProvider _inner = System;

    /// <summary>From now on, reads time from <paramref name="clock"/>.</summary>
    public void Follow(TimeProvider clock) => _inner = clock;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    /// <inheritdoc />
    public override long GetTimestamp() => _inner.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => _inner.TimestampFrequency;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _inner.CreateTimer(callback, state, dueTime, period);
}
