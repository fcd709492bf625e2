namespace IntegrationHub.Routing.Facts;

/// <summary>
/// When whoever asked needs the answer, on the hub's clock, carried beside the cancellation token into a
/// connector call. A token only says "stop now"; a connector that calls another process (a remote connector)
/// also needs to say how long is left, so that process can give up in time too. Flows with the async call
/// (an <see cref="AsyncLocal{T}"/>), so lookups running side by side each carry their own.
/// </summary>
public static class CallDeadline
{
    private static readonly AsyncLocal<DateTimeOffset?> Ambient = new();

    /// <summary>The deadline of the call in progress, or null when nobody set one.</summary>
    public static DateTimeOffset? Current => Ambient.Value;

    /// <summary>
    /// Sets the deadline until the returned scope is disposed; a deadline already in force and earlier wins,
    /// since an inner call cannot be given more time than its caller has.
    /// </summary>
    public static IDisposable Until(DateTimeOffset deadline)
    {
        var previous = Ambient.Value;
        Ambient.Value = previous is { } earlier && earlier < deadline ? earlier : deadline;
        return new Scope(previous);
    }

    /// <summary>What is left of <see cref="Current"/> at <paramref name="now"/>; null without a deadline.</summary>
    public static TimeSpan? Remaining(DateTimeOffset now) => Ambient.Value is { } deadline ? deadline - now : null;

    private sealed class Scope(DateTimeOffset? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
