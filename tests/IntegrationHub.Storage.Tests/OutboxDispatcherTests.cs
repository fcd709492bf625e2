using IntegrationHub.Storage.Events;
using IntegrationHub.Storage.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Storage.Tests;

/// <summary>The dispatcher's delivery rules, driven round by round with a fake clock.</summary>
public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    private StorageWorld _world = null!;

    private sealed class FlakyVendor(int failuresBeforeSuccess, bool permanent = false) : IOutboxEffectHandler
    {
        public List<string> Seen { get; } = [];

        public string EffectType => "vendor.call";

        public Task DeliverAsync(OutboxEffect effect, CancellationToken cancellationToken)
        {
            lock (Seen)
            {
                Seen.Add(effect.IdempotencyKey);
                if (permanent)
                {
                    throw new PermanentDeliveryFailure("vendor said 400 for good");
                }

                if (Seen.Count(k => k == effect.IdempotencyKey) <= failuresBeforeSuccess)
                {
                    throw new HttpRequestException("503 from vendor");
                }
            }

            return Task.CompletedTask;
        }
    }

    private (OutboxDispatcher Dispatcher, OutboxStore Outbox) Build(IOutboxEffectHandler handler, int maxAttempts = 5)
    {
        var outbox = new OutboxStore(_world.Database, _world.Time);
        var options = Options.Create(
            new StorageOptions
            {
                Outbox = new OutboxOptions
                {
                    MaxAttempts = maxAttempts,
                    BaseBackoff = TimeSpan.FromSeconds(1),
                    MaxBackoff = TimeSpan.FromSeconds(8),
                },
            }
        );
        return (
            new OutboxDispatcher(
                outbox,
                [handler],
                options,
                new OutboxWake(),
                new InProcessEventBus(),
                _world.Time,
                NullLogger<OutboxDispatcher>.Instance
            ),
            outbox
        );
    }

    [Fact]
    public async Task A_failing_delivery_is_retried_after_back_off_with_the_same_key_until_it_succeeds()
    {
        var vendor = new FlakyVendor(failuresBeforeSuccess: 2);
        var (dispatcher, outbox) = Build(vendor);
        await outbox.EnqueueAsync([new NewEffect("vendor.call", "lead-1/upsert", "{}")], CancellationToken.None);

        for (var round = 0; round < 6; round++)
        {
            await dispatcher.DispatchOnceAsync(CancellationToken.None);
            _world.Time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(["lead-1/upsert", "lead-1/upsert", "lead-1/upsert"], vendor.Seen);
        var delivered = Assert.Single(await outbox.ListAsync(EffectState.Delivered, 10, CancellationToken.None));
        Assert.Equal(3, delivered.Attempts);
    }

    [Fact]
    public async Task Back_off_grows_and_is_not_retried_before_it_is_due()
    {
        var vendor = new FlakyVendor(failuresBeforeSuccess: 10);
        var (dispatcher, outbox) = Build(vendor);
        await outbox.EnqueueAsync([new NewEffect("vendor.call", "slow", "{}")], CancellationToken.None);

        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        Assert.Equal(0, await dispatcher.DispatchOnceAsync(CancellationToken.None));
        var pending = Assert.Single(await outbox.ListAsync(EffectState.Pending, 10, CancellationToken.None));
        Assert.InRange(
            pending.NextAttemptAt - _world.Time.GetUtcNow(),
            TimeSpan.FromMilliseconds(500),
            TimeSpan.FromSeconds(1)
        );
        Assert.InRange(
            OutboxDispatcher.Backoff(
                4,
                new OutboxOptions { BaseBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(8) }
            ),
            TimeSpan.FromSeconds(4),
            TimeSpan.FromSeconds(8)
        );
    }

    [Fact]
    public async Task The_last_failed_attempt_dead_letters_the_effect()
    {
        var vendor = new FlakyVendor(failuresBeforeSuccess: 99);
        var (dispatcher, outbox) = Build(vendor, maxAttempts: 3);
        await outbox.EnqueueAsync([new NewEffect("vendor.call", "doomed", "{}")], CancellationToken.None);
        for (var round = 0; round < 5; round++)
        {
            await dispatcher.DispatchOnceAsync(CancellationToken.None);
            _world.Time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(3, vendor.Seen.Count);
        var dead = Assert.Single(await outbox.ListAsync(EffectState.Dead, 10, CancellationToken.None));
        Assert.Contains("503 from vendor", dead.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permanent_refusal_is_dead_lettered_at_once_and_an_unknown_type_too()
    {
        var (dispatcher, outbox) = Build(new FlakyVendor(0, permanent: true));
        await outbox.EnqueueAsync(
            [new NewEffect("vendor.call", "refused", "{}"), new NewEffect("nobody.handles", "orphan", "{}")],
            CancellationToken.None
        );
        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        Assert.Equal(
            ["orphan", "refused"],
            (await outbox.ListAsync(EffectState.Dead, 10, CancellationToken.None)).Select(e => e.IdempotencyKey).Order()
        );
    }

    public async Task InitializeAsync() => _world = await StorageWorld.CreateAsync(StorageProvider.Sqlite);

    public Task DisposeAsync() => Task.CompletedTask;
}
