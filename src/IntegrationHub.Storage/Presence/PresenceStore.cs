using IntegrationHub.Storage.Sql;

namespace IntegrationHub.Storage.Presence;

/// <summary>A rep's status since a time.</summary>
public sealed record StoredPresence(string RepId, string Status, DateTimeOffset Since);

/// <summary>One stretch of one status.</summary>
public sealed record PresenceInterval(string RepId, string Status, DateTimeOffset Start, DateTimeOffset? End);

/// <summary>Reps' current status, and the history of every change (for "when was each rep available").</summary>
public sealed class PresenceStore(Database database, TimeProvider time)
{
    /// <summary>Sets a status; the same status again changes nothing. Returns the rep's presence after.</summary>
    public Task<StoredPresence> SetAsync(string repId, string status, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                var now = time.GetUtcNow();
                var current = (
                    await connection.QueryAsync(
                        $"SELECT status, since FROM presence WHERE rep_id = @rep{database.ForUpdate}",
                        transaction,
                        r => (Status: r.GetString(0), Since: r.GetInt64(1).Time()),
                        cancellationToken,
                        ("rep", repId)
                    )
                ).FirstOrDefault();
                if (current.Status == status)
                {
                    return new StoredPresence(repId, status, current.Since);
                }

                await connection.ExecuteAsync(
                    "UPDATE presence_history SET ended_at = @now WHERE rep_id = @rep AND ended_at IS NULL",
                    transaction,
                    cancellationToken,
                    ("now", now.Millis()),
                    ("rep", repId)
                );
                await connection.ExecuteAsync(
                    "INSERT INTO presence_history (rep_id, status, started_at) VALUES (@rep, @status, @now)",
                    transaction,
                    cancellationToken,
                    ("rep", repId),
                    ("status", status),
                    ("now", now.Millis())
                );
                await connection.ExecuteAsync(
                    "INSERT INTO presence (rep_id, status, since) VALUES (@rep, @status, @now) ON CONFLICT (rep_id) "
                        + "DO UPDATE SET status = @status, since = @now",
                    transaction,
                    cancellationToken,
                    ("rep", repId),
                    ("status", status),
                    ("now", now.Millis())
                );
                return new StoredPresence(repId, status, now);
            },
            cancellationToken
        );

    public async Task<IReadOnlyList<StoredPresence>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            "SELECT rep_id, status, since FROM presence ORDER BY rep_id",
            null,
            r => new StoredPresence(r.GetString(0), r.GetString(1), r.GetInt64(2).Time()),
            cancellationToken
        );
    }

    /// <summary>Every status stretch overlapping the window, clipped to it.</summary>
    public async Task<IReadOnlyList<PresenceInterval>> IntervalsAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync(
            "SELECT rep_id, status, started_at, ended_at FROM presence_history WHERE started_at < @to AND (ended_at "
                + "IS NULL OR ended_at > @from) ORDER BY rep_id, started_at",
            null,
            r => new PresenceInterval(r.GetString(0), r.GetString(1), r.GetInt64(2).Time(), r.NullableLong(3)?.Time()),
            cancellationToken,
            ("from", from.Millis()),
            ("to", to.Millis())
        );
        return
        [
            .. rows.Select(i =>
                i with
                {
                    Start = i.Start < from ? from : i.Start,
                    End = i.End is null || i.End > to ? to : i.End,
                }
            ),
        ];
    }
}
