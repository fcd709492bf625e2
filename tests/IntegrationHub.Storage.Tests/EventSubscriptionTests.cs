using IntegrationHub.Storage.Events;

namespace IntegrationHub.Storage.Tests;

/// <summary>A stream whose reader is slow or gone holds a bounded queue, not the hub's memory.</summary>
public sealed class EventSubscriptionTests
{
    [Fact]
    public async Task A_reader_that_does_not_keep_up_keeps_the_newest_thousand_events_only()
    {
        var bus = new InProcessEventBus();
        using var slow = bus.Subscribe("rep:005BDR010000000YBA");

        for (var i = 0; i < 5000; i++)
        {
            await bus.PublishAsync("rep:005BDR010000000YBA", $"alert {i}", CancellationToken.None);
        }

        var queued = new List<string>();
        while (slow.Events.TryRead(out var payload))
        {
            queued.Add(payload);
        }

        Assert.Equal(1000, queued.Count);
        Assert.Equal("alert 4000", queued[0]);
        Assert.Equal("alert 4999", queued[^1]);
    }

    [Fact]
    public async Task A_disposed_subscription_receives_nothing_more()
    {
        var bus = new InProcessEventBus();
        var gone = bus.Subscribe("rep:005BDR010000000YBA");
        gone.Dispose();

        await bus.PublishAsync("rep:005BDR010000000YBA", "after", CancellationToken.None);

        Assert.False(gone.Events.TryRead(out _));
        Assert.True(gone.Events.Completion.IsCompleted);
    }
}
