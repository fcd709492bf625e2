using IntegrationHub.Storage.Decisions;
using IntegrationHub.Storage.Events;
using IntegrationHub.Storage.Outbox;
using IntegrationHub.Storage.Sql;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Storage.Tests;

/// <summary>
/// Effects pushed, not polled: a decision's commit wakes the dispatcher of its own instance, and on PostgreSQL the
/// dispatcher of another instance. The dispatchers here poll once an hour, so every effect after the first idle
/// round is delivered only because a commit woke a dispatcher.
/// </summary>
public sealed class OutboxWakeTests
{
    private static readonly TimeSpan Never = TimeSpan.FromHours(1);

    [Fact]
    public async Task A_commit_wakes_the_dispatcher_of_its_own_instance()
    {
        var world = await StorageWorld.CreateAsync(StorageProvider.Sqlite);
        var wake = new OutboxWake();
        var vendor = new RecordingVendor();
        var dispatcher = Dispatcher(world, world.Database, vendor, wake, new InProcessEventBus());
        await using var writer = new DecisionWriter(
            world.Database,
            world.Time,
            [wake],
            NullLogger<DecisionWriter>.Instance
        );

        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            await CommitOneByOneAsync(writer, vendor, 5);
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }

        Assert.Equal(["d0", "d1", "d2", "d3", "d4"], vendor.Delivered);
    }

    [Fact]
    public async Task A_timers_effect_and_a_retried_dead_letter_wake_the_dispatcher_too()
    {
        var world = await StorageWorld.CreateAsync(StorageProvider.Sqlite);
        var wake = new OutboxWake();
        var vendor = new RecordingVendor { RefuseOnce = "poison" };
        var outbox = new OutboxStore(world.Database, world.Time, wake);
        var dispatcher = Dispatcher(world, world.Database, vendor, wake, new InProcessEventBus());

        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var delivered = vendor.Expect($"t{i}");
                await outbox.EnqueueAsync([new NewEffect("vendor.call", $"t{i}", "{}")], CancellationToken.None);
                await delivered.WaitAsync(TimeSpan.FromSeconds(60));
            }

            var refused = vendor.Expect("poison");
            await outbox.EnqueueAsync([new NewEffect("vendor.call", "poison", "{}")], CancellationToken.None);
            await refused.WaitAsync(TimeSpan.FromSeconds(60));
            // The refusal is recorded just after the handler threw: ask until the dead letter is listed.
            OutboxEffect? dead = null;
            for (var asked = 0; dead is null && asked < 600; asked++)
            {
                dead = (await outbox.ListAsync(EffectState.Dead, 10, CancellationToken.None)).SingleOrDefault();
                await Task.Delay(dead is null ? 100 : 0);
            }

            Assert.NotNull(dead);
            var retried = vendor.Expect("poison");
            Assert.True(await outbox.RetryDeadAsync(dead.Id, CancellationToken.None));
            await retried.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }

        Assert.Equal(["t0", "t1", "t2", "poison", "poison"], vendor.Delivered);
    }

    [Fact]
    public async Task A_commit_on_one_instance_wakes_the_dispatcher_of_another_through_postgres()
    {
        var world = await StorageWorld.CreateAsync(StorageProvider.PostgreSql);
        var other = world.AnotherConnectionToTheSameDatabase();
        var bus = new PostgresEventBus(other, world.Time, NullLogger<PostgresEventBus>.Instance);
        var vendor = new RecordingVendor();
        var dispatcher = Dispatcher(world, other, vendor, new OutboxWake(), bus);
        // The committing instance has no dispatcher of its own: only the other one can deliver.
        await using var writer = new DecisionWriter(
            world.Database,
            world.Time,
            [],
            NullLogger<DecisionWriter>.Instance
        );

        await bus.StartAsync(CancellationToken.None);
        await bus.Listening.WaitAsync(TimeSpan.FromSeconds(30));
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            await CommitOneByOneAsync(writer, vendor, 5);
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
            await bus.StopAsync(CancellationToken.None);
        }

        Assert.Equal(["d0", "d1", "d2", "d3", "d4"], vendor.Delivered);
    }

    [Fact]
    public async Task Events_published_after_a_commit_that_notified_still_reach_the_other_instance()
    {
        var world = await StorageWorld.CreateAsync(StorageProvider.PostgreSql);
        var a = new PostgresEventBus(world.Database, world.Time, NullLogger<PostgresEventBus>.Instance);
        await a.StartAsync(CancellationToken.None);
        await a.Listening.WaitAsync(TimeSpan.FromSeconds(30));
        var b = await OtherInstancesBusAsync(world);
        using var seen = b.Subscribe("alerts.x");
        await using var writer = new DecisionWriter(
            world.Database,
            world.Time,
            [],
            NullLogger<DecisionWriter>.Instance
        );
        var decision = new StoredDecision("p1", "lead", "p1", DateTimeOffset.UnixEpoch, null, null, "{}");
        await writer.RecordAsync(decision, [new NewEffect("vendor.call", "p1", "{}")], CancellationToken.None);
        await a.PublishAsync("alerts.x", "hello", CancellationToken.None);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.Equal("hello", await seen.Events.ReadAsync(limit.Token));
        await a.StopAsync(CancellationToken.None);
        await b.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Events_published_together_reach_the_other_instance_in_order_a_large_one_included()
    {
        var world = await StorageWorld.CreateAsync(StorageProvider.PostgreSql);
        IHubEventBus a = new PostgresEventBus(world.Database, world.Time, NullLogger<PostgresEventBus>.Instance);
        var b = await OtherInstancesBusAsync(world);
        using var alerts = b.Subscribe("alerts.x");
        using var conversations = b.Subscribe("conversation.c1");
        var large = new string('x', 9000);

        await a.PublishAsync(
            [("alerts.x", "offer"), ("conversation.c1", large), ("alerts.x", "after")],
            CancellationToken.None
        );

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.Equal("offer", await alerts.Events.ReadAsync(limit.Token));
        Assert.Equal("after", await alerts.Events.ReadAsync(limit.Token));
        Assert.Equal(large, await conversations.Events.ReadAsync(limit.Token));
        await b.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_listener_cut_off_by_the_server_listens_again_while_the_hubs_clock_stands_still()
    {
        var world = await StorageWorld.CreateAsync(StorageProvider.PostgreSql);
        var listening = await OtherInstancesBusAsync(world);
        using var heard = listening.Subscribe("alerts.x");
        var publisher = new PostgresEventBus(world.Database, world.Time, NullLogger<PostgresEventBus>.Instance);
        await using (var connection = await world.Database.OpenAsync(CancellationToken.None))
        {
            // Every other session of this database, the listener's among them.
            await connection.ExecuteAsync(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid "
                    + "<> pg_backend_pid()",
                null,
                CancellationToken.None
            );
        }

        // The clock (fake, frozen) never moves: only a reconnect on machine time hears this.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!heard.Events.TryRead(out _))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "the listener never listened again");
            try
            {
                await publisher.PublishAsync("alerts.x", "ping", CancellationToken.None);
            }
            catch (Npgsql.NpgsqlException)
            {
                // A pooled connection the server cut off too: the next one is fresh.
            }

            await Task.Delay(200);
        }

        await listening.StopAsync(CancellationToken.None);
    }

    /// <summary>Another instance's event bus on the same database, listening.</summary>
    private static async Task<PostgresEventBus> OtherInstancesBusAsync(StorageWorld world)
    {
        var bus = new PostgresEventBus(
            world.AnotherConnectionToTheSameDatabase(),
            world.Time,
            NullLogger<PostgresEventBus>.Instance
        );
        await bus.StartAsync(CancellationToken.None);
        await bus.Listening.WaitAsync(TimeSpan.FromSeconds(30));
        return bus;
    }

    /// <summary>Each decision waits for the previous one's effect, so no round of the dispatcher catches two.</summary>
    private static async Task CommitOneByOneAsync(DecisionWriter writer, RecordingVendor vendor, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var delivered = vendor.Expect($"d{i}");
            var decision = new StoredDecision(
                Guid.NewGuid().ToString("N"),
                "lead",
                $"d{i}",
                DateTimeOffset.UnixEpoch,
                "rep-1",
                "geo_pool",
                "{}"
            );
            await writer.RecordAsync(decision, [new NewEffect("vendor.call", $"d{i}", "{}")], CancellationToken.None);
            // Far below the hour-long poll: only a wake delivers it in time.
            await delivered.WaitAsync(TimeSpan.FromSeconds(60));
        }
    }

    private static OutboxDispatcher Dispatcher(
        StorageWorld world,
        Sql.Database database,
        RecordingVendor vendor,
        OutboxWake wake,
        IHubEventBus events
    ) =>
        new(
            new OutboxStore(database, world.Time),
            [vendor],
            Options.Create(new StorageOptions { Outbox = new OutboxOptions { PollInterval = Never } }),
            wake,
            events,
            world.Time,
            NullLogger<OutboxDispatcher>.Instance
        );

    private sealed class RecordingVendor : IOutboxEffectHandler
    {
        private readonly Dictionary<string, TaskCompletionSource> _expected = [];

        public List<string> Delivered { get; } = [];

        public string EffectType => "vendor.call";

        /// <summary>A key refused for good the first time (so it is dead-lettered), taken after that.</summary>
        public string? RefuseOnce { get; set; }

        public Task Expect(string key)
        {
            lock (Delivered)
            {
                var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _expected[key] = arrived;
                return arrived.Task;
            }
        }

        public Task DeliverAsync(OutboxEffect effect, CancellationToken cancellationToken)
        {
            lock (Delivered)
            {
                Delivered.Add(effect.IdempotencyKey);
                _expected.GetValueOrDefault(effect.IdempotencyKey)?.TrySetResult();
                if (effect.IdempotencyKey == RefuseOnce)
                {
                    RefuseOnce = null;
                    throw new PermanentDeliveryFailure("refused");
                }
            }

            return Task.CompletedTask;
        }
    }
}
