using System.Collections.Concurrent;

namespace IntegrationHub.Connectors.Outreach.Fake;

/// <summary>Where the Outreach fake can hold a request, so a test can kill the client at that step.</summary>
public enum OutreachStep
{
    /// <summary>A token request arrived and nothing was done with it yet: the refresh token is not spent.</summary>
    TokenRequestArrived,

    /// <summary>The refresh token was spent and a new one issued; the answer has not left yet.</summary>
    TokenRotated,

    /// <summary>
    /// The first API call with a newly issued access token arrived (the client has stored the new tokens by then).
    /// </summary>
    FirstCallWithNewToken,

    /// <summary>An enrolment (POST /sequenceStates) arrived and was not done yet.</summary>
    EnrolmentArrived,
}

/// <summary>
/// One request held at a step: <see cref="Reached"/> completes when it gets there; then
/// <see cref="Release"/> lets it go on as if nothing happened, and <see cref="Drop"/> forgets it
/// at that point (before a token request is acted on: the vendor never saw it; after a
/// rotation: the answer never leaves).
/// </summary>
public sealed class OutreachPause
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _go = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal OutreachPause(OutreachStep step) => Step = step;

    public OutreachStep Step { get; }

    public Task Reached => _reached.Task;

    public void Release() => _go.TrySetResult(true);

    public void Drop() => _go.TrySetResult(false);

    /// <summary>Holds the caller here until released (true) or dropped (false).</summary>
    internal Task<bool> HoldAsync()
    {
        _reached.TrySetResult();
        return _go.Task;
    }
}

/// <summary>The armed pauses of one fake: each holds the first request that reaches its step, once.</summary>
internal sealed class OutreachPauses
{
    private readonly ConcurrentDictionary<OutreachStep, OutreachPause> _armed = new();

    public OutreachPause Arm(OutreachStep step) => _armed[step] = new OutreachPause(step);

    /// <summary>True unless an armed pause at this step was dropped.</summary>
    public async Task<bool> PassAsync(OutreachStep step) =>
        !_armed.TryRemove(step, out var pause) || await pause.HoldAsync();
}
