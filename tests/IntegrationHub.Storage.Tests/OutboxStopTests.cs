using IntegrationHub.Storage.Events;
using IntegrationHub.Storage.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Storage.Tests;

/// <summary>
/// A hub told to stop while its PostgreSQL database goes away: the dispatcher stops cleanly,
/// says what it could not release, and the effect it held is not lost (its lease expires).
/// </summary>
public sealed class OutboxStopTests
{
    private sealed class HangingVendor : IOutboxEffectHandler
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string EffectType => "vendor.call";

        public async Task DeliverAsync(OutboxEffect effect, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    [Fact]
    public async Task Stopping_while_the_database_is_unreachable_ends_cleanly_and_keeps_the_effect()
    {
        var world = await StorageWorld.CreateAsync(StorageProvider.PostgreSql);
        var outbox = new OutboxStore(world.Database, world.Time);
        await outbox.EnqueueAsync([new NewEffect("vendor.call", "stop/1", "{}")], CancellationToken.None);
        var vendor = new HangingVendor();
        var warnings = new Warnings<OutboxDispatcher>();
        var options = Options.Create(
            new StorageOptions { Outbox = new OutboxOptions { ShutdownGrace = TimeSpan.FromMilliseconds(200) } }
        );
        var dispatcher = new OutboxDispatcher(
            outbox,
            [vendor],
            options,
            new OutboxWake(),
            new InProcessEventBus(),
            world.Time,
            warnings
        );
        await dispatcher.StartAsync(CancellationToken.None);
        await vendor.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60));

        await SetConnectionsAsync(world.Database.PostgresConnectionString!, allowed: false);
        try
        {
            var stopping = dispatcher.StopAsync(CancellationToken.None);
            // The shutdown grace runs on the dispatcher's (fake) clock: let it run out.
            world.Time.Advance(TimeSpan.FromSeconds(1));
            await stopping.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            await SetConnectionsAsync(world.Database.PostgresConnectionString!, allowed: true);
        }

        Assert.Contains(warnings.Lines, l => l.Contains("without releasing its leases", StringComparison.Ordinal));
        // Still owed to the vendor, held by the stopped instance's lease until it expires.
        Assert.Equal(1, (await outbox.DepthAsync(CancellationToken.None)).Pending);
        Assert.Equal(0, await outbox.CountAsync(EffectState.Dead, CancellationToken.None));
    }

    /// <summary>
    /// What an outage looks like to the hub: its database refuses new connections and drops the ones it had.
    /// </summary>
    private static async Task SetConnectionsAsync(string connectionString, bool allowed)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"ALTER DATABASE \"{target.Database}\" ALLOW_CONNECTIONS {(allowed ? "true" : "false")};"
            + (
                allowed
                    ? ""
                    : $" SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{target.Database}';"
            );
        await command.ExecuteNonQueryAsync();
        NpgsqlConnection.ClearAllPools();
    }
}
