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
    public static async Task EnqueueAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<RoutingEvent> events,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        if (events.Count == 0)
        {
            return;
        }

        var wanted = await WantedAsync(connection, transaction, cancellationToken);
        await SqlStatement.ExecuteAllAsync(
            connection,
            transaction,
            [.. Enqueue(events, wanted, now)],
            cancellationToken
        );
    }

    /// <summary>
    /// The event types some subscription wants, read in the transaction that will write the events: only those
    /// events get their CloudEvent written and an INSERT ... SELECT.
    /// </summary>
    internal static async Task<IReadOnlySet<string>> WantedAsync(
        DbConnection connection,
        DbTransaction transaction,
        CancellationToken cancellationToken
    ) =>
        (
            await connection.QueryAsync(
                "SELECT DISTINCT event_type FROM event_subscription_types",
                transaction,
                r => r.GetString(0),
                cancellationToken
            )
        ).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// One INSERT ... SELECT per event whose type is <paramref name="wanted"/>. The payload names the subscription
    /// and holds the CloudEvent as it was written; the idempotency key (event id and subscription) makes a repeat
    /// enqueue a no-op.
    /// </summary>
    internal static IEnumerable<SqlStatement> Enqueue(
        IReadOnlyList<RoutingEvent>? events,
        IReadOnlySet<string> wanted,
        DateTimeOffset now
    ) =>
        (events ?? [])
            .Where(e => wanted.Contains(e.Type))
            .Select(e => new SqlStatement(
                "INSERT INTO outbox (id, decision_id, type, idempotency_key, payload, state, attempts, "
                    + "next_attempt_at, created_at) "
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
