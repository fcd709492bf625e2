using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Sdk.TestKit;

/// <summary>
/// The clock tests run on. Every test takes "now" from here (or from the hub it hosts, which
/// takes it from here), never from the wall clock, so the suite gives the same answer on any
/// day. Set <c>HUB_TEST_CLOCK</c> to an ISO-8601 instant (e.g. <c>2028-02-29T12:00:00Z</c>)
/// to run the suite as if it were then: CI does so at a Saturday night, a daylight-saving
/// change, New Year's Eve and a leap day, which is how anything reading the date behind the
/// clock's back is found.
/// </summary>
public static class TestClock
{
    /// <summary>The environment variable that moves the test clock.</summary>
    public const string Variable = "HUB_TEST_CLOCK";

    /// <summary>Where the clock stands when <see cref="Variable"/> is not set: a Wednesday, 10:00 UTC.</summary>
    public static DateTimeOffset Default { get; } = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The configured instant, or <see cref="Default"/>.</summary>
    public static DateTimeOffset Anchor { get; } = Read(Environment.GetEnvironmentVariable(Variable)) ?? Default;

    /// <summary>Whether <see cref="Variable"/> moved the clock.</summary>
    public static bool IsMoved => Anchor != Default;

    /// <summary>A fake clock standing at <see cref="Anchor"/>; the test moves it.</summary>
    public static FakeTimeProvider Frozen() => new(Anchor);

    /// <summary>
    /// A fake clock at the first moment at or after <see cref="Anchor"/> that is
    /// <paramref name="day"/> at <paramref name="utcTime"/> UTC, for scenarios written for a
    /// time of the working week (who is in working hours). By default that is the anchor's
    /// own Wednesday; moved, the first such moment at or after the anchor, the seed shifted to it.
    /// </summary>
    public static FakeTimeProvider At(DayOfWeek day, TimeOnly utcTime) => new(Next(day, utcTime));

    /// <inheritdoc cref="At"/>
    public static DateTimeOffset Next(DayOfWeek day, TimeOnly utcTime)
    {
        var midnight = new DateTimeOffset(Anchor.UtcDateTime.Date, TimeSpan.Zero);
        var candidate = midnight.AddDays(((int)day - (int)midnight.DayOfWeek + 7) % 7) + utcTime.ToTimeSpan();
        return candidate < Anchor ? candidate.AddDays(7) : candidate;
    }

    /// <summary>
    /// A clock that runs in real time, for tests whose timers and back-off must really elapse
    /// (connector contract tests against a fake over HTTP): the system clock, or, when the
    /// clock is moved, real time shifted so that the test process starts at <see cref="Anchor"/>.
    /// </summary>
    public static TimeProvider Running() => IsMoved ? Shifted.Instance : TimeProvider.System;

    private static DateTimeOffset? Read(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateTimeOffset.TryParse(
            value,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var at
        )
            ? at
        : throw new InvalidOperationException(
            $"{Variable}='{value}' is not an ISO-8601 instant such as 2028-02-29T12:00:00Z."
        );

    /// <summary>Real time moved so the process started at the anchor; timers are the system's.</summary>
    private sealed class Shifted : TimeProvider
    {
        public static readonly Shifted Instance = new();

        private readonly TimeSpan _offset = Anchor - System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
    }
}
