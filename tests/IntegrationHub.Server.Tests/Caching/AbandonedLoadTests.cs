using IntegrationHub.Hub.Caching;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Server.Tests.Caching;

/// <summary>
/// A shared look-up that every waiting caller gave up on is cancelled, so the vendor or remote connector behind it
/// is not left working for nobody; one that still has a caller waiting runs on.
/// </summary>
public sealed class AbandonedLoadTests
{
    private sealed class HeldLoad
    {
        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Starts;

        public async Task<string> LoadAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Starts);
            using var seen = cancellationToken.Register(() => Cancelled.TrySetResult());
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            return "loaded";
        }
    }

    [Fact]
    public async Task When_every_caller_gives_up_the_load_is_cancelled()
    {
        var cache = new SingleFlightCache<string, string>("test", new FakeTimeProvider(), 10);
        var load = new HeldLoad();
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();

        var a = cache.GetOrLoadAsync("k", load.LoadAsync, _ => TimeSpan.FromMinutes(1), first.Token);
        var b = cache.GetOrLoadAsync("k", load.LoadAsync, _ => TimeSpan.FromMinutes(1), second.Token);
        await first.CancelAsync();
        await second.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b);
        await load.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, load.Starts);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task While_one_caller_still_waits_the_load_runs_on()
    {
        var cache = new SingleFlightCache<string, string>("test", new FakeTimeProvider(), 10);
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelledLoad = false;
        Task<string> Load(CancellationToken token)
        {
            token.Register(() => cancelledLoad = true);
            return release.Task;
        }

        using var impatient = new CancellationTokenSource();
        var a = cache.GetOrLoadAsync("k", Load, _ => TimeSpan.FromMinutes(1), impatient.Token);
        var b = cache.GetOrLoadAsync("k", Load, _ => TimeSpan.FromMinutes(1), CancellationToken.None);
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a);
        release.SetResult("loaded");

        Assert.Equal("loaded", await b);
        Assert.False(cancelledLoad);
    }
}
