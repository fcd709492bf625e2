using System.Data.Common;
using IntegrationHub.Storage.Sql;

namespace IntegrationHub.Storage.RoutingEvents;

/// <summary>A subscriber to routing events; <see cref="SecretProtected"/> is the signing secret encrypted.</summary>
public sealed record StoredEventSubscription(
    string Id,
    string Url,
    IReadOnlyList<string> EventTypes,
    string Description,
    string SecretProtected,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SecretRotatedAt
);

/// <summary>Subscriptions to routing events with the types each wants, shared by every instance.</summary>
public sealed class EventSubscriptionStore(Database database, TimeProvider time)
{
    private const string Columns = "id, url, description, secret_protected, created_by, created_at, secret_rotated_at";

    /// <summary>Stores a subscription and its event types in one transaction.</summary>
    public Task<StoredEventSubscription> InsertAsync(
        StoredEventSubscription subscription,
        CancellationToken cancellationToken
    ) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                var statements = new List<SqlStatement>
                {
                    new(
                        $"INSERT INTO event_subscriptions ({Columns}) VALUES (@id, @url, @description, @secret, @by, "
                            + "@at, NULL)",
                        ("id", subscription.Id),
                        ("url", subscription.Url),
                        ("description", subscription.Description),
                        ("secret", subscription.SecretProtected),
                        ("by", subscription.CreatedBy),
                        ("at", subscription.CreatedAt.Millis())
                    ),
                };
                statements.AddRange(
                    subscription.EventTypes.Select(type => new SqlStatement(
                        "INSERT INTO event_subscription_types (event_type, subscription_id) VALUES (@type, @id)",
                        ("type", type),
                        ("id", subscription.Id)
                    ))
                );
                await SqlStatement.ExecuteAllAsync(connection, transaction, statements, cancellationToken);
                return subscription;
            },
            cancellationToken
        );

    /// <summary>Every subscription, oldest first.</summary>
    public async Task<IReadOnlyList<StoredEventSubscription>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, cancellationToken);
    }

    public async Task<StoredEventSubscription?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await ReadAsync(connection, id, cancellationToken)).FirstOrDefault();
    }

    /// <summary>Deletes a subscription; false when there was none. Its undelivered events are then dropped.</summary>
    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(
                    "DELETE FROM event_subscription_types WHERE subscription_id = @id",
                    transaction,
                    cancellationToken,
                    ("id", id)
                );
                return await connection.ExecuteAsync(
                        "DELETE FROM event_subscriptions WHERE id = @id",
                        transaction,
                        cancellationToken,
                        ("id", id)
                    ) == 1;
            },
            cancellationToken
        );

    /// <summary>Replaces the signing secret; null when there is no such subscription.</summary>
    public async Task<StoredEventSubscription?> RotateSecretAsync(
        string id,
        string secretProtected,
        CancellationToken cancellationToken
    )
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync(
                "UPDATE event_subscriptions SET secret_protected = @secret, secret_rotated_at = @now WHERE id = @id",
                null,
                cancellationToken,
                ("secret", secretProtected),
                ("now", time.GetUtcNow().Millis()),
                ("id", id)
            );
        }

        return await GetAsync(id, cancellationToken);
    }

    private static async Task<IReadOnlyList<StoredEventSubscription>> ReadAsync(
        DbConnection connection,
        string? id,
        CancellationToken cancellationToken
    )
    {
        var where = id is null ? "" : " WHERE id = @id";
        (string, object?)[] parameters = id is null ? [] : [("id", id)];
        var rows = await connection.QueryAsync(
            $"SELECT {Columns} FROM event_subscriptions{where} ORDER BY created_at, id",
            null,
            r => new StoredEventSubscription(
                r.GetString(0),
                r.GetString(1),
                [],
                r.GetString(2),
                r.GetString(3),
                r.GetString(4),
                r.GetInt64(5).Time(),
                r.NullableLong(6)?.Time()
            ),
            cancellationToken,
            parameters
        );
        var types = await connection.QueryAsync(
            $"SELECT subscription_id, event_type FROM event_subscription_types"
                + (id is null ? "" : " WHERE subscription_id = @id")
                + " ORDER BY event_type",
            null,
            r => (Subscription: r.GetString(0), Type: r.GetString(1)),
            cancellationToken,
            parameters
        );
        var byId = types.ToLookup(t => t.Subscription, t => t.Type, StringComparer.Ordinal);
        return [.. rows.Select(s => s with { EventTypes = [.. byId[s.Id]] })];
    }
}
