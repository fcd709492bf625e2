using System.Text.Json;
using IntegrationHub.Storage.Conversations;
using IntegrationHub.Storage.Decisions;
using IntegrationHub.Storage.Outbox;
using IntegrationHub.Storage.RoutingEvents;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Storage.Tests;

/// <summary>
/// A routing event becomes one outbox row per subscription that chose its type, in the transaction of the change
/// that causes it, on SQLite and on a real PostgreSQL.
/// </summary>
public abstract class RoutingEventOutboxContract(StorageProvider provider) : IAsyncLifetime
{
    private StorageWorld _world = null!;

    public async Task InitializeAsync() => _world = await StorageWorld.CreateAsync(provider);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_decision_event_reaches_the_outbox_once_for_each_subscription_of_its_type()
    {
        var subscriptions = new EventSubscriptionStore(_world.Database, _world.Time);
        await SubscribeAsync(subscriptions, "sub-a", "decision.made", "offer.expired");
        await SubscribeAsync(subscriptions, "sub-b", "decision.made");
        await SubscribeAsync(subscriptions, "sub-c", "offer.accepted");
        await using var writer = new DecisionWriter(
            _world.Database,
            _world.Time,
            [],
            NullLogger<DecisionWriter>.Instance
        );
        var body = """{"specversion":"1.0","id":"ev1","type":"com.integrationhub.decision.made","data":{"x":"é"}}""";

        for (var i = 0; i < 2; i++)
        {
            // The second is the same request again: the decision stands and nothing more is enqueued.
            await writer.CommitAsync(
                "visitor",
                "req-1",
                (_, _) =>
                    Task.FromResult(
                        new DecisionWrite(
                            new StoredDecision("d1", "visitor", "req-1", _world.Time.GetUtcNow(), "rep-1", "geo", "{}"),
                            [],
                            Events: [new RoutingEvent("ev1", "decision.made", "d1", body)]
                        )
                    ),
                CancellationToken.None
            );
        }

        var rows = await PendingEventsAsync();
        Assert.Equal(["sub-a", "sub-b"], rows.Select(r => r.Subscription).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal("d1", r.Effect.DecisionId));
        Assert.All(rows, r => Assert.Equal(body, r.Event));
    }

    [Fact]
    public async Task A_conversation_change_that_loses_the_race_enqueues_no_event()
    {
        var subscriptions = new EventSubscriptionStore(_world.Database, _world.Time);
        await SubscribeAsync(subscriptions, "sub-a", "offer.accepted");
        var conversations = new ConversationStore(_world.Database, _world.Time);
        await conversations.CreateAsync(
            new StoredConversation("c1", "d1", "Offered", "rep-1", null, 1, "{}", _world.Time.GetUtcNow()),
            CancellationToken.None
        );
        RoutingEvent Accepted(string id) => new(id, "offer.accepted", "d1", $$"""{"id":"{{id}}"}""");

        var won = await conversations.TryUpdateAsync(
            "c1",
            1,
            "Accepted",
            "rep-1",
            null,
            "{}",
            default,
            [Accepted("e1")]
        );
        var lost = await conversations.TryUpdateAsync(
            "c1",
            1,
            "Accepted",
            "rep-2",
            null,
            "{}",
            default,
            [Accepted("e2")]
        );

        Assert.NotNull(won);
        Assert.Null(lost);
        Assert.Equal("""{"id":"e1"}""", Assert.Single(await PendingEventsAsync()).Event);
    }

    private async Task SubscribeAsync(EventSubscriptionStore store, string id, params string[] types) =>
        await store.InsertAsync(
            new StoredEventSubscription(
                id,
                "https://hooks.example.com",
                types,
                "",
                "v1:x",
                "test",
                _world.Time.GetUtcNow(),
                null
            ),
            CancellationToken.None
        );

    private async Task<List<(OutboxEffect Effect, string Subscription, string Event)>> PendingEventsAsync()
    {
        var pending = await new OutboxStore(_world.Database, _world.Time).ListAsync(
            EffectState.Pending,
            100,
            CancellationToken.None
        );
        return
        [
            .. pending
                .Where(e => e.Type == RoutingEventOutbox.EffectType)
                .Select(e =>
                {
                    using var payload = JsonDocument.Parse(e.Payload);
                    return (
                        e,
                        payload.RootElement.GetProperty("subscriptionId").GetString()!,
                        payload.RootElement.GetProperty("event").GetRawText()
                    );
                }),
        ];
    }
}

public sealed class SqliteRoutingEventOutboxTests() : RoutingEventOutboxContract(StorageProvider.Sqlite);

public sealed class PostgresRoutingEventOutboxTests() : RoutingEventOutboxContract(StorageProvider.PostgreSql);
