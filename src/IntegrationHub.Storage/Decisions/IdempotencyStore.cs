using IntegrationHub.Storage.Sql;

namespace IntegrationHub.Storage.Decisions;

/// <summary>
/// Results of requests that are not decisions, kept under the caller's key so a repeat gets the first answer.
/// </summary>
public sealed class IdempotencyStore(Database database, TimeProvider time)
{
    /// <summary>Stores a value under a key unless one is there; returns whichever value the key holds after.</summary>
    public async Task<string> PutIfAbsentAsync(
        string key,
        string value,
        TimeSpan lifetime,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var now = time.GetUtcNow();
        await connection.ExecuteAsync(
            "DELETE FROM idempotency WHERE idem_key = @key AND expires_at < @now",
            null,
            cancellationToken,
            ("key", key),
            ("now", now.Millis())
        );
        await connection.ExecuteAsync(
            "INSERT INTO idempotency (idem_key, value, expires_at) VALUES (@key, @value, @expires) ON CONFLICT "
                + "(idem_key) DO NOTHING",
            null,
            cancellationToken,
            ("key", key),
            ("value", value),
            ("expires", (now + lifetime).Millis())
        );
        return (
            await connection.QueryAsync(
                "SELECT value FROM idempotency WHERE idem_key = @key",
                null,
                r => r.GetString(0),
                cancellationToken,
                ("key", key)
            )
        )[0];
    }

    /// <summary>
    /// Deletes up to <paramref name="most"/> expired entries, so keys written once and never asked
    /// for again (webhook deliveries) do not pile up; returns how many went.
    /// </summary>
    public async Task<int> PurgeExpiredAsync(int most, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "DELETE FROM idempotency WHERE idem_key IN (SELECT idem_key FROM idempotency WHERE expires_at < @now "
                + "LIMIT @most)",
            null,
            cancellationToken,
            ("now", time.GetUtcNow().Millis()),
            ("most", most)
        );
    }

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (
            await connection.QueryAsync(
                "SELECT value FROM idempotency WHERE idem_key = @key AND expires_at >= @now",
                null,
                r => r.GetString(0),
                cancellationToken,
                ("key", key),
                ("now", time.GetUtcNow().Millis())
            )
        ).FirstOrDefault();
    }
}
