using IntegrationHub.Sdk.Capabilities;

namespace IntegrationHub.Routing.Facts;

/// <summary>
/// The fact lookups of one decision. Each runs alongside the others and all share one deadline
/// (the policy's, or the caller's when that comes first), so the slowest source bounds the
/// wait, not the sum of them. Only the caller's own cancellation escapes a lookup.
/// </summary>
public sealed class FactLookups : IDisposable
{
    private readonly SourceCall _call;
    private readonly CancellationToken _caller;
    private readonly CancellationTokenSource _deadline;
    private readonly CancellationTokenSource _linked;
    private readonly DateTimeOffset _expiresAt;

    internal FactLookups(SourceCall call, TimeSpan deadline, TimeProvider time, CancellationToken caller)
    {
        _call = call;
        _caller = caller;
        _deadline = new CancellationTokenSource(deadline, time);
        _expiresAt = time.GetUtcNow() + deadline;
        _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, _deadline.Token);
    }

    /// <summary>
    /// Asks one source, reporting how it went; the fact is unknown when it failed or was late. The source sees the
    /// decision's deadline as <see cref="CallDeadline"/> (a remote connector passes it on).
    /// </summary>
    public async Task<Sourced<T>> AskAsync<T>(
        string source,
        Capability capability,
        Func<CancellationToken, Task<T?>> call
    )
        where T : class
    {
        using var deadline = CallDeadline.Until(_expiresAt);
        return await _call.AskAsync(source, capability, call, _linked.Token, _caller);
    }

    /// <summary>A lookup the decision has nothing to ask with (no email, no account), reported as not asked.</summary>
    public static Task<Sourced<T>> NotAsked<T>(string source, Capability capability)
        where T : class => Task.FromResult(SourceCall.NotAsked<T>(source, capability));

    public void Dispose()
    {
        _linked.Dispose();
        _deadline.Dispose();
    }
}
