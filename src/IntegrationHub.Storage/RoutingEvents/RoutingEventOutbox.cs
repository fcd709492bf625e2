using System.Data.Common;
using IntegrationHub.Storage.Sql;

namespace IntegrationHub.Storage.RoutingEvents;

/// <summary>
/// Turns a routing event into outbox rows, one per subscription that wants its type, inside the transaction of the
/// change that caused it: the event leaves if and only if the change commits, and a subscription created or deleted
/// concurrently is either in the transaction's view or not, never half.
/// </summary>
public static class RoutingEventOutbox
{
    /// <summary>The outbox effect type of one event's delivery to one subscription.</summary>
    public const string EffectType = "events.deliver";

    /// <summary>Writes the rows of <paramref name="events"/> inside the caller's transaction.</summary>
    public static Task EnqueueAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<RoutingEvent> events,
        DateTimeOffset now,
        CancellationToken cancellationToken
    ) => SqlStatement.ExecuteAllAsync(connection, transaction, [.. Enqueue(events, now)], cancellationToken);

    /// <summary>
    /// One INSERT ... SELECT per event. The payload names the subscription and holds the CloudEvent as it was
    /// written; the idempotency key (event id and subscription) makes a repeat enqueue a no-op.
    /// </summary>
    internal static IEnumerable<SqlStatement> Enqueue(IReadOnlyList<RoutingEvent>? events, DateTimeOffset now) =>
        (events ?? []).Select(e => new SqlStatement(
            "INSERT INTO outbox (id, decision_id, type, idempotency_key, payload, state, attempts, next_attempt_at, "
                + "created_at) "
                + "SELECT @id || s.id, CAST(@decision AS TEXT), @type, 'event/' || @id || '/' || s.id, "
                + "'{\"subscriptionId\":\"' || s.id || '\",\"event\":' || @body || '}', 'pending', 0, @now, @now "
                + "FROM event_subscription_types t JOIN event_subscriptions s ON s.id = t.subscription_id "
                + "WHERE t.event_type = @eventType ON CONFLICT (idempotency_key) DO NOTHING",
            ("id", e.Id),
            ("decision", e.DecisionId),
            ("type", EffectType),
            ("body", e.CloudEventJson),
            ("now", now.Millis()),
            ("eventType", e.Type)
        ));
}
