using IntegrationHub.Storage.Events;
using IntegrationHub.Storage.Outbox;
using IntegrationHub.Storage.Sql;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Storage.Tests;

/// <summary>
/// A delivery slower than the lease (a vendor answering slowly, a token refresh waited for) keeps its lease while it
/// runs: another instance on the same database does not take the effect over and send it a second time. Real time
/// here, because the renewal is what is under test; the margins are seconds.
/// </summary>
public sealed class OutboxLeaseRenewalTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    private sealed class SlowVendor : IOutboxEffectHandler
    {
        private int _deliveries;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Deliveries => Volatile.Read(ref _deliveries);

        public string EffectType => "vendor.call";

        public async Task DeliverAsync(OutboxEffect effect, CancellationToken cancellationToken)
        {
            // Only the first delivery is slow: a second one (the takeover) returns at once and is counted.
            if (Interlocked.Increment(ref _deliveries) == 1)
            {
                Entered.TrySetResult();
                await Answer.Task.WaitAsync(cancellationToken);
            }
        }
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task A_delivery_slower_than_its_lease_is_not_taken_over_by_another_instance(StorageProvider provider)
    {
        var world = await StorageWorld.CreateAsync(provider);
        var vendor = new SlowVendor();
        var slow = Dispatcher(world.Database, vendor);
        var other = Dispatcher(world.AnotherConnectionToTheSameDatabase(), vendor);
        var outbox = new OutboxStore(world.Database, TimeProvider.System);
        await outbox.EnqueueAsync([new NewEffect("vendor.call", "slow/1", "{}")], CancellationToken.None);
        await slow.StartAsync(CancellationToken.None);
        try
        {
            await vendor.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60));

            // Two and a half leases: without renewal, the other instance would claim it after the first.
            var started = TimeProvider.System.GetTimestamp();
            while (TimeProvider.System.GetElapsedTime(started) < Lease * 2.5)
            {
                Assert.Equal(0, await other.DispatchOnceAsync(CancellationToken.None));
                await Task.Delay(100);
            }
        }
        finally
        {
            // A stop lets the delivery in flight finish and its mark become durable.
            vendor.Answer.TrySetResult();
            await slow.StopAsync(CancellationToken.None);
        }

        Assert.Equal(1, vendor.Deliveries);
        var delivered = Assert.Single(await outbox.ListAsync(EffectState.Delivered, 10, CancellationToken.None));
        Assert.Equal(1, delivered.Attempts);
    }

    private static OutboxDispatcher Dispatcher(Database database, IOutboxEffectHandler vendor) =>
        new(
            new OutboxStore(database, TimeProvider.System),
            [vendor],
            Options.Create(new StorageOptions { Outbox = new OutboxOptions { Lease = Lease } }),
            new OutboxWake(),
            new InProcessEventBus(),
            TimeProvider.System,
            NullLogger<OutboxDispatcher>.Instance
        );
}
