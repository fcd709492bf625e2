using System.Data.Common;
using IntegrationHub.Storage.RoutingEvents;
using IntegrationHub.Storage.Sql;

namespace IntegrationHub.Storage.Conversations;

/// <summary>A conversation's stored state; <see cref="Version"/> guards every change.</summary>
public sealed record StoredConversation(
    string Id,
    string DecisionId,
    string State,
    string? RepId,
    DateTimeOffset? OfferExpiresAt,
    long Version,
    string Payload,
    DateTimeOffset UpdatedAt
);

/// <summary>
/// Conversations and their offers. Every change is a compare-and-set on the version, so two
/// reps (or two instances, or a rep and the accept timeout) racing for one offer cannot both win.
/// </summary>
public sealed class ConversationStore(Database database, TimeProvider time, Outbox.OutboxWake? wake = null)
{
    private const string Columns = "id, decision_id, state, rep_id, offer_expires_at, version, payload, updated_at";

    /// <summary>The columns <see cref="Read"/> reads, each prefixed by a table alias.</summary>
    internal static string ColumnsOf(string alias) => Columns.Aliased(alias);

    public async Task CreateAsync(StoredConversation conversation, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var insert = Insert(conversation, time.GetUtcNow());
        await connection.ExecuteAsync(insert.Sql, null, cancellationToken, insert.Parameters);
    }

    /// <summary>The insert of a new conversation at version 1 (alone, or in its decision's transaction).</summary>
    internal static SqlStatement Insert(StoredConversation conversation, DateTimeOffset now) =>
        new(
            $"INSERT INTO conversations ({Columns}) VALUES (@id, @decision, @state, @rep, @expires, 1, @payload, @now)",
            ("id", conversation.Id),
            ("decision", conversation.DecisionId),
            ("state", conversation.State),
            ("rep", conversation.RepId),
            ("expires", conversation.OfferExpiresAt?.Millis()),
            ("payload", conversation.Payload),
            ("now", now.Millis())
        );

    public async Task<StoredConversation?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (
            await connection.QueryAsync(
                $"SELECT {Columns} FROM conversations WHERE id = @id",
                null,
                Read,
                cancellationToken,
                ("id", id)
            )
        ).FirstOrDefault();
    }

    /// <summary>Conversations in <paramref name="state"/>, the earliest routed first (ids sort by time).</summary>
    public async Task<IReadOnlyList<StoredConversation>> ListAsync(
        string state,
        int max,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            $"SELECT {Columns} FROM conversations WHERE state = @state ORDER BY id LIMIT @limit",
            null,
            Read,
            cancellationToken,
            ("state", state),
            ("limit", max)
        );
    }

    /// <summary>
    /// Applies a change if the conversation is still at <paramref name="expectedVersion"/>; null when someone else
    /// changed it first. The routing <paramref name="events"/> the change publishes are enqueued in its transaction,
    /// so they leave only when the change is made, and so are the routing <paramref name="counts"/> it moves.
    /// </summary>
    public async Task<StoredConversation?> TryUpdateAsync(
        string id,
        long expectedVersion,
        string state,
        string? repId,
        DateTimeOffset? offerExpiresAt,
        string payload,
        CancellationToken cancellationToken,
        IReadOnlyList<RoutingEvent>? events = null,
        IReadOnlyList<Metrics.RoutingCount>? counts = null
    )
    {
        var changed = await database.InTransactionAsync(
            async (connection, transaction) =>
            {
                var now = time.GetUtcNow();
                var updated = await connection.ExecuteAsync(
                    "UPDATE conversations SET state = @state, rep_id = @rep, offer_expires_at = @expires, payload = "
                        + "@payload, version = version + 1, updated_at = @now WHERE id = @id AND version = @version",
                    transaction,
                    cancellationToken,
                    ("state", state),
                    ("rep", repId),
                    ("expires", offerExpiresAt?.Millis()),
                    ("payload", payload),
                    ("now", now.Millis()),
                    ("id", id),
                    ("version", expectedVersion)
                );
                if (updated == 1 && events is { Count: > 0 })
                {
                    await RoutingEventOutbox.EnqueueAsync(connection, transaction, events, now, cancellationToken);
                }

                if (updated == 1 && counts is { Count: > 0 })
                {
                    var increments = Metrics.RoutingCountStore.Increments(counts).ToList();
                    await SqlStatement.ExecuteAllAsync(connection, transaction, increments, cancellationToken);
                }

                return updated;
            },
            cancellationToken
        );
        if (changed == 1 && events is { Count: > 0 })
        {
            // The change's routing events are due now: wake the dispatcher, as a decision's commit does.
            wake?.Signal();
        }

        return changed == 1 ? await GetAsync(id, cancellationToken) : null;
    }

    internal static StoredConversation Read(DbDataReader r) => Read(r, 0);

    /// <summary>A conversation from the columns starting at <paramref name="at"/> (after a join's others).</summary>
    internal static StoredConversation Read(DbDataReader r, int at) =>
        new(
            r.GetString(at),
            r.GetString(at + 1),
            r.GetString(at + 2),
            r.NullableString(at + 3),
            r.NullableLong(at + 4)?.Time(),
            r.GetInt64(at + 5),
            r.GetString(at + 6),
            r.GetInt64(at + 7).Time()
        );
}
