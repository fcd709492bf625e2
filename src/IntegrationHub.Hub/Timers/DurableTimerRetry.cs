namespace IntegrationHub.Hub.Timers;

/// <summary>
/// Thrown by a timer handler that cannot do its work now (a vendor it must ask is down): the timer is not completed
/// but comes due again at <see cref="At"/>, carrying <see cref="Payload"/> (which may record the attempt).
/// </summary>
public sealed class DurableTimerRetry(DateTimeOffset at, string payload, string reason) : Exception(reason)
{
    public DateTimeOffset At { get; } = at;

    public string Payload { get; } = payload;
}
