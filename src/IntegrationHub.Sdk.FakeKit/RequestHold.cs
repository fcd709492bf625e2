namespace IntegrationHub.Sdk.FakeKit;

/// <summary>
/// Keeps the requests reaching a fake unanswered until <see cref="Release"/>, so a test can act while a call is in
/// flight (cancel it, or let the caller's own deadline pass) and see what the caller did to the request it left.
/// Made by <see cref="VendorFake.Hold"/>; every request arriving while it stands is held, then answered as usual.
/// </summary>
public sealed class RequestHold
{
    private readonly TaskCompletionSource<FakeRequest> _arrived = new(
        TaskCreationOptions.RunContinuationsAsynchronously
    );
    private readonly TaskCompletionSource _aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal RequestHold() { }

    /// <summary>Completes with the first request held.</summary>
    public Task<FakeRequest> Arrived => _arrived.Task;

    /// <summary>Completes when a held request's caller goes away (its connection aborted) before the release.</summary>
    public Task Aborted => _aborted.Task;

    /// <summary>Whether <see cref="Release"/> was called.</summary>
    public bool IsReleased => _released.Task.IsCompleted;

    /// <summary>Lets every held request, and every later one, be answered.</summary>
    public void Release() => _released.TrySetResult();

    internal async Task KeepAsync(FakeRequest request, CancellationToken callerGone)
    {
        _arrived.TrySetResult(request);
        try
        {
            await _released.Task.WaitAsync(callerGone);
        }
        catch (OperationCanceledException) when (callerGone.IsCancellationRequested)
        {
            _aborted.TrySetResult();
            throw;
        }
    }
}
