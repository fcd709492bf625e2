using IntegrationHub.Storage.Conversations;
using IntegrationHub.Storage.Decisions;
using IntegrationHub.Storage.Metrics;
using IntegrationHub.Storage.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Storage.Tests;

/// <summary>
/// The routing counters behind GetRoutingMetrics: moved in the transaction of what they count (a decision, an
/// offer's answer), never for a decision or change that did not happen, and filled from the stored decisions by the
/// migration that creates them.
/// </summary>
public abstract class RoutingCountContract(StorageProvider provider) : IAsyncLifetime
{
    private StorageWorld _world = null!;

    public async Task InitializeAsync() => _world = await StorageWorld.CreateAsync(provider);

    public Task DisposeAsync() => Task.CompletedTask;

    private DateTimeOffset Hour => RoutingCount.HourOf(_world.Time.GetUtcNow());

    [Fact]
    public async Task Counts_move_with_their_decisions_and_a_repeat_or_a_failed_decision_moves_none()
    {
        await using var writer = new DecisionWriter(
            _world.Database,
            _world.Time,
            [],
            NullLogger<DecisionWriter>.Instance
        );
        await Task.WhenAll(
            Commit(writer, "a", "geo_pool", Hour.AddMinutes(5)),
            Commit(writer, "b", "geo_pool", Hour.AddMinutes(59)),
            Commit(writer, "c", "", Hour.AddMinutes(61)),
            Commit(writer, "earlier", "geo_pool", Hour.AddDays(-2))
        );
        await Commit(writer, "a", "geo_pool", Hour.AddMinutes(6));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            writer.CommitAsync(
                "visitor",
                "broken",
                (_, _) => throw new InvalidOperationException("cannot decide"),
                CancellationToken.None
            )
        );

        var counters = new RoutingCountStore(_world.Database);
        Assert.Equal(
            ["decisions/: 1", "decisions/geo_pool: 2"],
            Render(await counters.TotalsAsync(Hour, Hour.AddHours(2), CancellationToken.None))
        );
        Assert.Equal(
            [$"{Hour:HH}: geo_pool 2", $"{Hour.AddHours(1):HH}:  1"],
            (await counters.HourlyAsync("decisions", Hour, Hour.AddHours(2), CancellationToken.None))
                .OrderBy(h => h.Hour)
                .Select(h => $"{h.Hour:HH}: {h.Dimension} {h.Count}")
        );
        Assert.Equal(
            ["decisions/geo_pool: 2"],
            Render(await counters.TotalsAsync(Hour, Hour.AddHours(1), CancellationToken.None))
        );
        // Partial days at both ends, whole days between: the same counts, from the daily counters in the middle.
        Assert.Equal(
            ["decisions/: 1", "decisions/geo_pool: 3"],
            Render(await counters.TotalsAsync(Hour.AddDays(-3).AddHours(1), Hour.AddHours(2), CancellationToken.None))
        );
    }

    [Fact]
    public async Task An_answer_counts_only_when_its_change_is_made()
    {
        var conversations = new ConversationStore(_world.Database, _world.Time);
        await conversations.CreateAsync(
            new StoredConversation("c", "c", "Offered", "ana", Hour.AddSeconds(30), 1, "{}", Hour),
            CancellationToken.None
        );
        RoutingCount[] accepted = [new("offer_accepted", "", Hour)];

        var stale = await conversations.TryUpdateAsync("c", 7, "Accepted", "ana", null, "{}", default, null, accepted);
        var made = await conversations.TryUpdateAsync("c", 1, "Accepted", "ana", null, "{}", default, null, accepted);

        Assert.Null(stale);
        Assert.NotNull(made);
        Assert.Equal(
            ["offer_accepted/: 1"],
            Render(await new RoutingCountStore(_world.Database).TotalsAsync(Hour, Hour.AddHours(1), default))
        );
    }

    [Fact]
    public async Task A_partial_hour_reads_its_decisions_with_their_conversations_and_the_offers_still_open()
    {
        await using (
            var writer = new DecisionWriter(_world.Database, _world.Time, [], NullLogger<DecisionWriter>.Instance)
        )
        {
            await writer.CommitAsync(
                "visitor",
                "open",
                (_, _) =>
                    Task.FromResult(
                        new DecisionWrite(
                            new StoredDecision("d-open", "visitor", "open", Hour.AddMinutes(10), "ana", "geo", "{}"),
                            [],
                            new StoredConversation("d-open", "d-open", "Offered", "ana", Hour, 1, "{}", Hour)
                        )
                    ),
                CancellationToken.None
            );
            await Commit(writer, "alone", "geo", Hour.AddMinutes(50));
        }

        var counters = new RoutingCountStore(_world.Database);
        var decided = await counters.DecidedAsync(Hour, Hour.AddMinutes(30), CancellationToken.None);
        var open = await counters.InStateAsync("Offered", Hour, Hour.AddHours(1), CancellationToken.None);
        var none = await counters.InStateAsync("Offered", Hour.AddMinutes(11), Hour.AddHours(1), default);

        Assert.Equal(("d-open", "d-open"), (decided.Single().Decision.Id, decided.Single().Conversation?.Id));
        Assert.Equal(("d-open", Hour.AddMinutes(10)), (open.Single().Conversation.Id, open.Single().DecidedAt));
        Assert.Empty(none);
    }

    [Fact]
    public async Task The_migration_that_creates_the_counters_fills_them_from_the_decisions_stored_before()
    {
        await using (
            var writer = new DecisionWriter(_world.Database, _world.Time, [], NullLogger<DecisionWriter>.Instance)
        )
        {
            await Commit(writer, "old-1", "geo_pool", Hour.AddMinutes(1), counted: false);
            await Commit(writer, "old-2", "language", Hour.AddMinutes(70), counted: false);
        }

        await BackToBeforeTheCountersAsync();
        var applied = await new SchemaMigrator(
            _world.Database,
            _world.Time,
            NullLogger<SchemaMigrator>.Instance,
            new ByRule()
        ).MigrateAsync(CancellationToken.None);
        await using (
            var writer = new DecisionWriter(_world.Database, _world.Time, [], NullLogger<DecisionWriter>.Instance)
        )
        {
            await Commit(writer, "new-1", "geo_pool", Hour.AddMinutes(2));
        }

        Assert.Equal(1, applied);
        Assert.Equal(
            ["decisions/geo_pool: 2", "decisions/language: 1"],
            Render(await new RoutingCountStore(_world.Database).TotalsAsync(Hour, Hour.AddHours(2), default))
        );
    }

    /// <summary>The schema as it was at migration 012, with the decisions it holds.</summary>
    private async Task BackToBeforeTheCountersAsync()
    {
        await using var connection = await _world.Database.OpenAsync(CancellationToken.None);
        foreach (
            var sql in new[]
            {
                "DROP INDEX ix_conversations_state",
                "DROP TABLE routing_counts",
                "DROP TABLE routing_counts_daily",
                "DELETE FROM schema_migrations WHERE version = 13",
            }
        )
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static Task<RecordOutcome> Commit(
        DecisionWriter writer,
        string request,
        string rule,
        DateTimeOffset at,
        bool counted = true
    ) =>
        writer.CommitAsync(
            "visitor",
            request,
            (_, _) =>
                Task.FromResult(
                    new DecisionWrite(
                        new StoredDecision(Guid.NewGuid().ToString("N"), "visitor", request, at, null, rule, "{}"),
                        [],
                        Counts: counted ? [new RoutingCount("decisions", rule, at)] : null
                    )
                ),
            CancellationToken.None
        );

    private static string[] Render(IEnumerable<RoutingTotal> totals) =>
        [.. totals.Select(t => $"{t.Figure}/{t.Dimension}: {t.Count}").Order(StringComparer.Ordinal)];

    /// <summary>A hub's rule in miniature: every stored decision counts once, by its rule.</summary>
    private sealed class ByRule : IDecisionTally
    {
        public IEnumerable<RoutingCount> Of(StoredDecision decision, StoredConversation? conversation) =>
            [new("decisions", decision.Rule ?? "", decision.CreatedAt)];
    }
}

public sealed class SqliteRoutingCountTests() : RoutingCountContract(StorageProvider.Sqlite);

public sealed class PostgresRoutingCountTests() : RoutingCountContract(StorageProvider.PostgreSql);
