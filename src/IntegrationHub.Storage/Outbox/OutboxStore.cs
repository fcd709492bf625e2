using System.Data.Common;
using IntegrationHub.Storage.Sql;

namespace IntegrationHub.Storage.Outbox;

/// <summary>
/// The outbox table: effects enqueued with their decision, claimed by a dispatcher under a
/// lease (a dispatcher that dies leaves a lease that runs out, and another takes the work),
/// delivered, retried later, or moved to the dead-letter list. Effects it makes due outside a decision (a timer's, a
/// webhook's, a dead letter retried) wake this instance's dispatcher, as a decision's commit does.
/// </summary>
public sealed class OutboxStore(Database database, TimeProvider time, OutboxWake? wake = null)
{
    private const string Columns =
        "id, decision_id, type, idempotency_key, payload, state, attempts, next_attempt_at, last_error, created_at, "
        + "delivered_at, priority";

    /// <summary>Writes effects inside the caller's transaction (the decision's).</summary>
    internal static Task EnqueueAsync(
        DbConnection connection,
        DbTransaction transaction,
        string? decisionId,
        IReadOnlyList<NewEffect> effects,
        DateTimeOffset now,
        CancellationToken ct
    ) => SqlStatement.ExecuteAllAsync(connection, transaction, [.. Enqueue(decisionId, effects, now)], ct);

    /// <summary>The inserts of <paramref name="effects"/>; a key already enqueued keeps its first effect.</summary>
    internal static IEnumerable<SqlStatement> Enqueue(
        string? decisionId,
        IReadOnlyList<NewEffect> effects,
        DateTimeOffset now
    ) =>
        effects.Select(effect => new SqlStatement(
            "INSERT INTO outbox (id, decision_id, type, idempotency_key, payload, state, attempts, "
                + "next_attempt_at, created_at, priority) "
                + "VALUES (@id, @decision, @type, @key, @payload, 'pending', 0, @now, @now, @priority) ON CONFLICT "
                + "(idempotency_key) DO NOTHING",
            ("id", Guid.CreateVersion7(now).ToString("N")),
            ("decision", decisionId),
            ("type", effect.Type),
            ("key", effect.IdempotencyKey),
            ("payload", effect.Payload),
            ("now", now.Millis()),
            ("priority", (int)effect.Priority)
        ));

    /// <summary>Enqueues effects that belong to no decision (timers, webhooks).</summary>
    public async Task EnqueueAsync(IReadOnlyList<NewEffect> effects, CancellationToken cancellationToken)
    {
        await database.InTransactionAsync(
            async (c, t) =>
            {
                await EnqueueAsync(c, t, null, effects, time.GetUtcNow(), cancellationToken);
                return 0;
            },
            cancellationToken
        );
        wake?.Signal();
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> due effects for <paramref name="owner"/> until the lease runs out: urgent
    /// ones first (<see cref="EffectPriority"/>), then the oldest due.
    /// </summary>
    public Task<IReadOnlyList<OutboxEffect>> ClaimAsync(
        string owner,
        TimeSpan lease,
        int max,
        CancellationToken cancellationToken
    ) =>
        database.InTransactionAsync<IReadOnlyList<OutboxEffect>>(
            async (connection, transaction) =>
            {
                // One statement: the claim holds the write lock (SQLite's only one) for a single step, not for a
                // round trip per effect.
                var now = time.GetUtcNow().Millis();
                var claimed = await connection.QueryAsync(
                    "UPDATE outbox SET lease_owner = @owner, lease_until = @until, attempts = attempts + 1 WHERE id IN "
                        + "(SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_at <= @now AND (lease_until "
                        + "IS NULL OR lease_until < @now) ORDER BY priority, next_attempt_at, id LIMIT "
                        + $"@max{database.ForUpdateSkipLocked}) RETURNING {Columns}",
                    transaction,
                    Read,
                    cancellationToken,
                    ("owner", owner),
                    ("until", now + (long)lease.TotalMilliseconds),
                    ("now", now),
                    ("max", max)
                );
                // RETURNING promises no order; the claim's order is kept: urgent first, then the oldest due.
                return
                [
                    .. claimed
                        .OrderBy(e => e.Priority)
                        .ThenBy(e => e.NextAttemptAt)
                        .ThenBy(e => e.Id, StringComparer.Ordinal),
                ];
            },
            cancellationToken
        );

    /// <summary>Marks an effect delivered, if the lease is still ours (false: it was taken over).</summary>
    public async Task<bool> MarkDeliveredAsync(string id, string owner, CancellationToken cancellationToken) =>
        (await MarkDeliveredAsync([id], owner, cancellationToken)).Count == 1;

    /// <summary>
    /// Marks effects delivered in one statement, those whose lease is still ours; returns their ids (the others were
    /// taken over).
    /// </summary>
    public async Task<IReadOnlySet<string>> MarkDeliveredAsync(
        IReadOnlyList<string> ids,
        string owner,
        CancellationToken cancellationToken
    )
    {
        var names = ids.Select((_, i) => $"@id{i}").ToList();
        // A write of its own, so it takes this process's writer turn (see SqliteWriterTurn) as a transaction does.
        var marked = await database.InTransactionAsync(
            (c, t) =>
                c.QueryAsync(
                    "UPDATE outbox SET state = 'delivered', delivered_at = @now, lease_owner = NULL, lease_until = "
                        + $"NULL, last_error = NULL WHERE id IN ({string.Join(", ", names)}) AND lease_owner = @owner "
                        + "AND state = 'pending' RETURNING id",
                    t,
                    r => r.GetString(0),
                    cancellationToken,
                    [
                        ("now", time.GetUtcNow().Millis()),
                        ("owner", owner),
                        .. ids.Select((id, i) => ($"id{i}", (object?)id)),
                    ]
                ),
            cancellationToken
        );
        return marked.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Records a failed delivery: retried at <paramref name="retryAt"/>, or dead when <paramref name="dead"/>.
    /// </summary>
    public async Task MarkFailedAsync(
        string id,
        string owner,
        string error,
        DateTimeOffset retryAt,
        bool dead,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE outbox SET state = @state, next_attempt_at = @retry, last_error = @error, lease_owner = NULL, "
                + "lease_until = NULL WHERE id = @id AND lease_owner = @owner",
            null,
            cancellationToken,
            ("state", dead ? "dead" : "pending"),
            ("retry", retryAt.Millis()),
            ("error", error.Length > 2000 ? error[..2000] : error),
            ("id", id),
            ("owner", owner)
        );
    }

    /// <summary>
    /// Extends the leases <paramref name="owner"/> still holds on <paramref name="ids"/> (its deliveries in flight), so
    /// a delivery slower than the lease is not taken over and sent a second time by another instance; returns how
    /// many it still held.
    /// </summary>
    public async Task<int> RenewAsync(
        string owner,
        IReadOnlyCollection<string> ids,
        TimeSpan lease,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE outbox SET lease_until = @until WHERE id IN "
                + $"({string.Join(", ", ids.Select((_, i) => $"@id{i}"))}) AND lease_owner = @owner "
                + "AND state = 'pending'",
            null,
            cancellationToken,
            [
                ("until", (time.GetUtcNow() + lease).Millis()),
                ("owner", owner),
                .. ids.Select((id, i) => ($"id{i}", (object?)id)),
            ]
        );
    }

    /// <summary>Gives back every lease an owner holds (graceful shutdown), so others take the work at once.</summary>
    public async Task<int> ReleaseAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE outbox SET lease_owner = NULL, lease_until = NULL, attempts = attempts - 1 WHERE lease_owner = "
                + "@owner AND state = 'pending'",
            null,
            cancellationToken,
            ("owner", owner)
        );
    }

    public Task<IReadOnlyList<OutboxEffect>> ListAsync(
        EffectState state,
        int max,
        CancellationToken cancellationToken
    ) => ListAsync(state, max, type: null, afterId: null, cancellationToken);

    /// <summary>
    /// Effects in a state, oldest first (ids are time-ordered), optionally of one type and after an id (paging).
    /// </summary>
    public async Task<IReadOnlyList<OutboxEffect>> ListAsync(
        EffectState state,
        int max,
        string? type,
        string? afterId,
        CancellationToken cancellationToken
    )
    {
        // Filters are added only when given: PostgreSQL cannot type an untyped NULL parameter.
        var where =
            "state = @state" + (type is null ? "" : " AND type = @type") + (afterId is null ? "" : " AND id > @after");
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            $"SELECT {Columns} FROM outbox WHERE {where} ORDER BY id LIMIT @max",
            null,
            Read,
            cancellationToken,
            ("state", StateName(state)),
            ("type", type ?? ""),
            ("after", afterId ?? ""),
            ("max", max)
        );
    }

    public async Task<long> CountAsync(EffectState state, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (
            await connection.QueryAsync(
                "SELECT COUNT(*) FROM outbox WHERE state = @state",
                null,
                r => r.GetInt64(0),
                cancellationToken,
                ("state", StateName(state))
            )
        )[0];
    }

    public async Task<OutboxEffect?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (
            await connection.QueryAsync(
                $"SELECT {Columns} FROM outbox WHERE id = @id",
                null,
                Read,
                cancellationToken,
                ("id", id)
            )
        ).FirstOrDefault();
    }

    /// <summary>
    /// Puts a dead-lettered effect back in the queue with a fresh attempt count (false: no such dead effect).
    /// </summary>
    public async Task<bool> RetryDeadAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var retried =
            await connection.ExecuteAsync(
                "UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = @now WHERE id = @id AND state "
                    + "= 'dead'",
                null,
                cancellationToken,
                ("now", time.GetUtcNow().Millis()),
                ("id", id)
            ) == 1;
        if (retried)
        {
            wake?.Signal();
        }

        return retried;
    }

    /// <summary>How many effects wait, and since when the oldest (for metrics).</summary>
    public async Task<(long Pending, DateTimeOffset? Oldest)> DepthAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync(
            "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE state = 'pending'",
            null,
            r => (r.GetInt64(0), r.IsDBNull(1) ? (DateTimeOffset?)null : r.GetInt64(1).Time()),
            cancellationToken
        );
        return rows[0];
    }

    private static string StateName(EffectState state) => state.ToString().ToLowerInvariant();

    private static OutboxEffect Read(DbDataReader r) =>
        new(
            r.GetString(0),
            r.NullableString(1),
            r.GetString(2),
            r.GetString(3),
            r.GetString(4),
            Enum.Parse<EffectState>(r.GetString(5), ignoreCase: true),
            r.GetInt32(6),
            r.GetInt64(7).Time(),
            r.NullableString(8),
            r.GetInt64(9).Time(),
            r.NullableLong(10)?.Time(),
            (EffectPriority)r.GetInt32(11)
        );
}
