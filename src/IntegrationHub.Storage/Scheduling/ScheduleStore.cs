using IntegrationHub.Storage.Sql;

namespace IntegrationHub.Storage.Scheduling;

/// <summary>A durable timer.</summary>
public sealed record ScheduledWork(string Key, string Kind, string Payload, DateTimeOffset DueAt);

/// <summary>
/// Durable timers (an offer's 30-second accept timeout, a lead's 7-day lifecycle step). An
/// item is claimed under a lease by whichever instance polls first once it is due, and
/// completed by it; if that instance dies, the lease runs out and another claims it. A
/// completed item never fires again.
/// </summary>
public sealed class ScheduleStore(Database database, TimeProvider time)
{
    /// <summary>Schedules work under a unique key; scheduling an existing key moves it (unless already done).</summary>
    public async Task ScheduleAsync(ScheduledWork work, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var upsert = Schedule(work);
        await connection.ExecuteAsync(upsert.Sql, null, cancellationToken, upsert.Parameters);
    }

    /// <summary>The upsert of a timer (alone, or in its decision's transaction).</summary>
    internal static SqlStatement Schedule(ScheduledWork work) =>
        new(
            "INSERT INTO scheduled_work (work_key, kind, payload, due_at) VALUES (@key, @kind, @payload, @due) "
                + "ON CONFLICT (work_key) DO UPDATE SET kind = @kind, payload = @payload, due_at = @due WHERE "
                + "scheduled_work.done_at IS NULL",
            ("key", work.Key),
            ("kind", work.Kind),
            ("payload", work.Payload),
            ("due", work.DueAt.Millis())
        );

    /// <summary>Cancels work not yet done (false: nothing to cancel).</summary>
    public async Task<bool> CancelAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
                "UPDATE scheduled_work SET done_at = @now WHERE work_key = @key AND done_at IS NULL",
                null,
                cancellationToken,
                ("now", time.GetUtcNow().Millis()),
                ("key", key)
            ) == 1;
    }

    /// <summary>Cancels all work not yet done whose key starts with <paramref name="prefix"/>; how many.</summary>
    public async Task<int> CancelAllAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            // A prefix compared as text, not LIKE: no wildcard in a key can widen it, on SQLite and PostgreSQL alike.
            "UPDATE scheduled_work SET done_at = @now WHERE substr(work_key, 1, @length) = @prefix AND done_at IS NULL",
            null,
            cancellationToken,
            ("now", time.GetUtcNow().Millis()),
            ("length", prefix.Length),
            ("prefix", prefix)
        );
    }

    public Task<IReadOnlyList<ScheduledWork>> ClaimDueAsync(
        string owner,
        TimeSpan lease,
        int max,
        CancellationToken cancellationToken
    ) =>
        database.InTransactionAsync<IReadOnlyList<ScheduledWork>>(
            async (connection, transaction) =>
            {
                // One statement, so the claim holds the write lock for a single step (see OutboxStore.ClaimAsync).
                var now = time.GetUtcNow().Millis();
                var due = await connection.QueryAsync(
                    "UPDATE scheduled_work SET lease_owner = @owner, lease_until = @until WHERE work_key IN (SELECT "
                        + "work_key FROM scheduled_work WHERE done_at IS NULL AND due_at <= @now AND (lease_until IS "
                        + "NULL OR lease_until < @now) ORDER BY due_at LIMIT "
                        + $"@max{database.ForUpdateSkipLocked}) RETURNING work_key, kind, payload, due_at",
                    transaction,
                    r => new ScheduledWork(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3).Time()),
                    cancellationToken,
                    ("owner", owner),
                    ("until", now + (long)lease.TotalMilliseconds),
                    ("now", now),
                    ("max", max)
                );
                // RETURNING promises no order; the earliest due fires first.
                return [.. due.OrderBy(w => w.DueAt)];
            },
            cancellationToken
        );

    /// <summary>
    /// Puts claimed work back, due at <paramref name="dueAt"/> with <paramref name="payload"/>, and gives up its lease
    /// (false: the lease was lost and someone else has it).
    /// </summary>
    public async Task<bool> RetryAsync(
        string key,
        string owner,
        string payload,
        DateTimeOffset dueAt,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
                "UPDATE scheduled_work SET payload = @payload, due_at = @due, lease_owner = NULL, lease_until = NULL "
                    + "WHERE work_key = @key AND lease_owner = @owner AND done_at IS NULL",
                null,
                cancellationToken,
                ("payload", payload),
                ("due", dueAt.Millis()),
                ("key", key),
                ("owner", owner)
            ) == 1;
    }

    /// <summary>Marks claimed work done (false: the lease was lost and someone else has it).</summary>
    public async Task<bool> CompleteAsync(string key, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
                "UPDATE scheduled_work SET done_at = @now, lease_owner = NULL, lease_until = NULL WHERE work_key = "
                    + "@key AND lease_owner = @owner AND done_at IS NULL",
                null,
                cancellationToken,
                ("now", time.GetUtcNow().Millis()),
                ("key", key),
                ("owner", owner)
            ) == 1;
    }
}
